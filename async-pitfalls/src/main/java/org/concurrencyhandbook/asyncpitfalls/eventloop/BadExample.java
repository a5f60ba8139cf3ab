package org.concurrencyhandbook.asyncpitfalls.eventloop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * 4.1 Blocking the event loop — the backend call made on the loop's own thread.
 *
 * <p>Everything the service does runs on its event loop, a single-threaded executor — which is what makes a loop
 * simple: no two requests' code ever runs at once. The quote calls the backend there too. While the backend takes its
 * time, the loop's one thread waits for it, and every request queued behind — the health check included — waits with
 * it: a ping that needs microseconds is answered when the backend is.
 *
 * <p>Run it: {@code ./handbook 4.1}. It exits 4 (failure shown) because the ping waited for the backend.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.1} printed:
 * <pre>
 * 9 quote requests, each calling a backend held open; then a ping to the service, and a task on the common pool elsewhere in the JVM.
 * The ping was answered after 1011.6 ms, when the backend answered; the common-pool task finished after 9.4 ms.
 * Quotes answered once the backend replied: 9 of 9.
 * LOOP BLOCKED: the service's loop thread waited in the backend, and the ping waited behind it — held up by a call it does not need.
 * </pre>
 */
public final class BadExample implements QuoteService {

    private final Backend backend;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("event-loop").factory());

    public BadExample(Backend backend) {
        this.backend = backend;
    }

    @Override
    public CompletableFuture<String> quote(String symbol) {
        // Wrong: the loop's one thread blocks in the backend, and everything queued behind waits.
        return CompletableFuture.supplyAsync(() -> symbol + " " + backend.fetch(symbol), loop);
    }

    @Override
    public CompletableFuture<String> ping() {
        return CompletableFuture.supplyAsync(() -> "pong", loop);
    }

    @Override
    public void close() {
        loop.close();
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
