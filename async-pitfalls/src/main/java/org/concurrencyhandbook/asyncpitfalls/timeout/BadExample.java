package org.concurrencyhandbook.asyncpitfalls.timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * 4.10 No timeout — {@code join()}, which waits as long as the future takes.
 *
 * <p>The price is fetched with {@code supplyAsync} and the caller joins it. {@code join()} and {@code get()} without
 * arguments wait for ever: a backend that never answers — a dropped connection with no read timeout, a lost message —
 * holds the caller, and the common pool's worker inside the call, for as long as the JVM lives. Every caller after it
 * queues behind them.
 *
 * <p>Run it: {@code ./handbook 4.10}. It exits 4 (failure shown) because the caller was still waiting long after its
 * deadline.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.10} printed:
 * <pre>
 * A caller asked for a price; the backend never answered. The service's deadline: 200 ms.
 * After 500 ms the caller was still waiting.
 * Backend calls still in progress 500 ms later, their answers wanted by nobody: 1.
 * NO TIMEOUT: join() waits as long as the future takes — here, for ever. The demo let the backend answer at last.
 * </pre>
 */
public final class BadExample implements PriceService {

    private final Backend backend;

    public BadExample(Backend backend) {
        this.backend = backend;
    }

    @Override
    public String priceOf(String item) {
        // Wrong: no limit — the caller waits as long as the backend does, for ever if need be.
        return CompletableFuture.supplyAsync(() -> {
            try {
                return backend.fetch(item);
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        }).join();
    }

    @Override
    public void close() {
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
