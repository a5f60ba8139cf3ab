package org.concurrencyhandbook.asyncpitfalls.callbackthread;

import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * 4.9 Callbacks on the wrong thread — {@code thenApply} for heavy work.
 *
 * <p>A non-async stage, {@code thenApply}, runs its function on whichever thread completes the future it depends on
 * — here the I/O thread that delivers the response — or, if the future is already complete, on the thread that calls
 * {@code thenApply}. The parse is heavy, and for as long as it runs the I/O thread delivers nothing else: every other
 * response, every other connection's event waits behind one callback.
 *
 * <p>Run it: {@code ./handbook 4.9}. It exits 4 (failure shown) because the I/O thread was held by the parse.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.9} printed:
 * <pre>
 * An io-thread completed a response; the heavy parse registered on it ran on "io-thread".
 * While the parse ran: a quick task for the io-thread waited for it; a quick task on the common pool ran at once.
 * I/O THREAD HELD: the callback ran on the thread that completed the future, and nothing else ran there until it ended.
 * </pre>
 */
public final class BadExample implements ResponseHandler {

    @Override
    public CompletableFuture<String> handle(CompletableFuture<String> response, UnaryOperator<String> parse) {
        // Wrong: the parse runs on the thread that completes the response — the I/O thread.
        return response.thenApply(parse);
    }

    @Override
    public void close() {
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
