package org.concurrencyhandbook.apipitfalls.interruption;

import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * 3.9 Swallowed {@code InterruptedException} — let it propagate.
 *
 * <p>The worker does not catch {@code InterruptedException}: {@code serve} declares it, and the interrupt that
 * {@code take()} turned into an exception ends the loop and the task, reaching whoever runs it — here the executor's
 * {@code FutureTask}, which records it and lets the pool thread go. Code that must catch it — a {@code Runnable}, whose
 * {@code run()} cannot throw it — restores it with {@code Thread.currentThread().interrupt()}, so that the loop and
 * every caller above still see the request; {@code SwallowedInterruptTest} runs that fix beside this one.
 *
 * <p>Run it: {@code ./handbook 3.9}. It exits 0 because {@code shutdownNow()} stopped the worker at once.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.9} printed:
 * <pre>
 * An inbox worker on a single-thread executor handled 3 messages and waited for the next; then the executor was shut down with shutdownNow().
 * The worker stopped 0.466 ms after shutdownNow().
 * Messages handled after shutdownNow(): 0.
 * The interrupt reached the loop, and the worker stopped at once.
 * </pre>
 */
public final class GoodExample implements InboxWorker {

    @Override
    public void serve(BlockingQueue<String> inbox, Consumer<String> handler) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            handler.accept(inbox.take());
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
