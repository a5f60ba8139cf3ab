package org.concurrencyhandbook.asyncpitfalls.cancel;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.concurrencyhandbook.testkit.Fix;

/** The exporters 4.8's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherExporters {

    static final Fix<Supplier<Exporter>> OWN_EXECUTOR = Fix.of("runAsync on an executor of its own, cancel(true)",
            RunAsyncOnOwnExecutor::new);
    static final List<Fix<Supplier<Exporter>>> RIGHT_FIXES = List.of(
            Fix.of("an executor's Future.cancel(true), interruptible work", InterruptedByItsFuture::new));

    private OtherExporters() {
    }

    /** An export whose cancel is its future's {@code cancel(true)}. */
    private record CancelledWithInterrupt(Future<?> export) implements Exporter.Export {
        @Override
        public void cancel() {
            export.cancel(true);
        }

        @Override
        public boolean isCancelled() {
            return export.isCancelled();
        }
    }

    /**
     * "The common pool is the problem": the same future, now on a pool whose threads we own. The future still does not
     * know which of them runs it, and {@code cancel(true)} still interrupts nobody.
     */
    private static final class RunAsyncOnOwnExecutor implements Exporter {
        private final ExecutorService executor = Executors.newFixedThreadPool(2);

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
            }, executor);
            return new CancelledWithInterrupt(export);
        }

        @Override
        public void close() {
            executor.close();
        }
    }

    /** A {@code FutureTask} knows its thread: {@code cancel(true)} interrupts it, and the wait for the row ends. */
    private static final class InterruptedByItsFuture implements Exporter {
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

        @Override
        public Export start(int rows, RowWriter writer) {
            Future<?> export = executor.submit(() -> {
                for (int row = 1; row <= rows; row++) {
                    writer.write(row);
                }
                return null;
            });
            return new CancelledWithInterrupt(export);
        }

        @Override
        public void close() {
            executor.close();
        }
    }
}
