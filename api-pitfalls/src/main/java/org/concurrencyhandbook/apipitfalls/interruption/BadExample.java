package org.concurrencyhandbook.apipitfalls.interruption;

import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * 3.9 Swallowed {@code InterruptedException} — caught, ignored, and the loop goes on.
 *
 * <p>The worker loops while its thread is not interrupted, and waits for mail in {@code take()}. When
 * {@code shutdownNow()} interrupts it there, {@code take()} throws {@code InterruptedException} — and, as every
 * blocking method of the JDK does when it throws it, <em>clears</em> the thread's interrupt status first. The worker
 * catches the exception and carries on: the loop's check sees a thread that was never interrupted, and waits for mail
 * again. The one request to stop has been used up, and the executor cannot make another that this code would hear.
 *
 * <p>Run it: {@code ./handbook 3.9}. It exits 4 (failure shown) because the executor could not stop the worker.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.9} printed:
 * <pre>
 * An inbox worker on a single-thread executor handled 3 messages and waited for the next; then the executor was shut down with shutdownNow().
 * 1000 ms later the executor had not terminated: the worker was waiting in LinkedBlockingQueue.take.
 * Messages handled after shutdownNow(): 1.
 * UNSTOPPABLE: the interrupt was caught and dropped, and the loop went on as if nobody had asked — only the demo's own last message ended it.
 * </pre>
 */
public final class BadExample implements InboxWorker {

    @Override
    public void serve(BlockingQueue<String> inbox, Consumer<String> handler) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                handler.accept(inbox.take());
            } catch (InterruptedException e) {
                // Wrong: the exception was the request to stop, and the interrupt status is already cleared.
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
