package org.concurrencyhandbook.asyncpitfalls.callbackthread;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * 4.9 Callbacks on the wrong thread — {@code thenApplyAsync} with an executor chosen for the work.
 *
 * <p>The {@code Async} variant with an executor hands the parse to that executor the moment the response arrives: the
 * I/O thread only queues it, and goes back to I/O. The executor is the handler's own — not the common pool, which the
 * rest of the JVM shares and which has one worker on 2 cores (4.1). Parsing is CPU work, so a pool sized to the CPUs
 * fits it; blocking work would want virtual threads.
 *
 * <p>Run it: {@code ./handbook 4.9}. It exits 0 because the I/O thread and the common pool stayed free during the
 * parse.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.9} printed:
 * <pre>
 * An io-thread completed a response; the heavy parse registered on it ran on "parser-1".
 * While the parse ran: a quick task for the io-thread ran at once; a quick task on the common pool ran at once.
 * The completing thread was free again at once, and so was the common pool.
 * </pre>
 */
public final class GoodExample implements ResponseHandler {

    private final ExecutorService parsers =
            Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().name("parser-", 1).factory());

    @Override
    public CompletableFuture<String> handle(CompletableFuture<String> response, UnaryOperator<String> parse) {
        return response.thenApplyAsync(parse, parsers);
    }

    @Override
    public void close() {
        parsers.close();
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
