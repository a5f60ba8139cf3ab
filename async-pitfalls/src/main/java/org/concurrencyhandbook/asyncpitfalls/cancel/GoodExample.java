package org.concurrencyhandbook.asyncpitfalls.cancel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * 4.8 A {@code cancel} that does not cancel — a cancellation token the work checks.
 *
 * <p>Cancelling sets a flag, and the loop asks the flag before every row: the row in progress finishes, and no other
 * is written. The work hears the request because it was written to listen — which is what cancellation in Java always
 * is: cooperative. A token is heard between steps; work blocked inside a call hears only an interrupt. The other
 * way is an executor's {@code Future}:
 * {@code ExecutorService.submit} returns a {@code FutureTask}, which knows the thread running it, and its
 * {@code cancel(true)} interrupts that thread — for work that waits in calls that answer interrupts, and lets the
 * {@code InterruptedException} end it (3.9). {@code CancelTest} runs it beside this one.
 *
 * <p>Run it: {@code ./handbook 4.8}. It exits 0 because the export stopped after the row in progress.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.8} printed:
 * <pre>
 * An export of 10 rows; after row 3, while it waited for row 4, it was cancelled: isCancelled() said true.
 * Rows written after the cancel: 1.
 * The export stopped where it was.
 * </pre>
 */
public final class GoodExample implements Exporter {

    @Override
    public Export start(int rows, RowWriter writer) {
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Void> export = CompletableFuture.runAsync(() -> {
            for (int row = 1; row <= rows && !cancelled.get(); row++) {
                try {
                    writer.write(row);
                } catch (InterruptedException e) {
                    throw new CompletionException(e);
                }
            }
        });
        return new RunningExport(export, cancelled);
    }

    /** The export's future, for whoever waits for it, and the token its loop checks. */
    private record RunningExport(CompletableFuture<Void> export, AtomicBoolean cancelled) implements Export {
        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    @Override
    public void close() {
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
