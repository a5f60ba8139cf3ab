package org.concurrencyhandbook.asyncpitfalls.eventloop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * 4.1 Blocking the event loop — blocking work on threads of its own; the loop kept for quick work.
 *
 * <p>The backend call runs on a virtual thread per call — a blocked virtual thread costs a few hundred bytes and
 * holds no carrier while it waits — and the answer comes back to the loop, where the rest of the request's work runs.
 * The loop never waits for anyone, so the ping is answered at once however slow the backend is. A bounded pool of
 * platform threads kept for blocking calls works too, and is the choice where the backend must not see more than so
 * many calls at once; {@code EventLoopTest} runs it beside this one.
 *
 * <p>Run it: {@code ./handbook 4.1}. It exits 0 because the ping was answered while the backend calls were still out.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.1} printed:
 * <pre>
 * 9 quote requests, each calling a backend held open; then a ping to the service, and a task on the common pool elsewhere in the JVM.
 * The ping was answered after 5.8 ms; the common-pool task finished after 12.5 ms.
 * Quotes answered once the backend replied: 9 of 9.
 * The quick work never waited for the backend.
 * </pre>
 */
public final class GoodExample implements QuoteService {

    private final Backend backend;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("event-loop").factory());
    private final ExecutorService blocking = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("backend-", 1).factory());

    public GoodExample(Backend backend) {
        this.backend = backend;
    }

    @Override
    public CompletableFuture<String> quote(String symbol) {
        return CompletableFuture.supplyAsync(() -> backend.fetch(symbol), blocking)
                .thenApplyAsync(price -> symbol + " " + price, loop);
    }

    @Override
    public CompletableFuture<String> ping() {
        return CompletableFuture.supplyAsync(() -> "pong", loop);
    }

    @Override
    public void close() {
        blocking.close();
        loop.close();
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
