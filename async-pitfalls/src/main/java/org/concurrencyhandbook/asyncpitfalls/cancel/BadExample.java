package org.concurrencyhandbook.asyncpitfalls.cancel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * 4.8 A {@code cancel} that does not cancel — {@code CompletableFuture.cancel(true)}.
 *
 * <p>The export runs in {@code runAsync}, and cancelling it calls {@code cancel(true)} on that future. A
 * {@code CompletableFuture} is a value that will be set, not a task: it does not know which thread, if any, is
 * computing it. {@code cancel} completes it with a {@code CancellationException} — {@code isCancelled()} is
 * {@code true} from then on — and {@code mayInterruptIfRunning} "has no effect", says its Javadoc, "because interrupts
 * are not used to control processing". The loop, which never looks at the future, writes every remaining row.
 *
 * <p>Run it: {@code ./handbook 4.8}. It exits 4 (failure shown) because rows kept coming after the cancel.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.8} printed:
 * <pre>
 * An export of 10 rows; after row 3, while it waited for row 4, it was cancelled: isCancelled() said true.
 * Rows written after the cancel: 7.
 * NOT CANCELLED: the future was marked cancelled, and the work behind it ran to the end.
 * </pre>
 */
public final class BadExample implements Exporter {

    @Override
    public Export start(int rows, RowWriter writer) {
        CompletableFuture<Void> export = CompletableFuture.runAsync(() -> {
            for (int row = 1; row <= rows; row++) {
                try {
                    writer.write(row);
                } catch (InterruptedException e) {
                    throw new CompletionException(e);
                }
            }
        });
        return new RunningExport(export);
    }

    private record RunningExport(CompletableFuture<Void> export) implements Export {
        @Override
        public void cancel() {
            // Wrong: completes the future; the loop computing it never hears of it.
            export.cancel(true);
        }

        @Override
        public boolean isCancelled() {
            return export.isCancelled();
        }
    }

    @Override
    public void close() {
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
