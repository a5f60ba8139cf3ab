package org.concurrencyhandbook.contentiondeadlock.poolstarvation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The other builders {@link PoolStarvationTest} runs through 2.5's scenario: wrong fixes readers try, and other fixes. */
final class OtherBuilders {

    private OtherBuilders() {
    }

    /**
     * Tempts because CompletableFuture "is asynchronous"; but {@code join()} on a pool thread blocks it exactly as
     * {@code Future.get()} does, for a chart queued behind it.
     */
    static final class SupplyAsyncThenJoin implements ReportBuilder {
        private final ExecutorService pool;
        private final ReportStarted reportStarted;

        SupplyAsyncThenJoin(ExecutorService pool, ReportStarted reportStarted) {
            this.pool = pool;
            this.reportStarted = reportStarted;
        }

        @Override
        public CompletableFuture<String> build(int report) {
            return CompletableFuture.supplyAsync(() -> {
                reportStarted.reached();
                CompletableFuture<String> chart = CompletableFuture.supplyAsync(() -> "chart " + report, pool);
                return "report " + report + " with " + chart.join();
            }, pool);
        }
    }

    /**
     * Tempts because a bounded wait "cannot hang"; it cannot — it fails instead: every report times out, because the
     * chart still has no thread to run on while the report waits.
     */
    static final class GetWithTimeout implements ReportBuilder {
        private final ExecutorService pool;
        private final ReportStarted reportStarted;

        GetWithTimeout(ExecutorService pool, ReportStarted reportStarted) {
            this.pool = pool;
            this.reportStarted = reportStarted;
        }

        @Override
        public CompletableFuture<String> build(int report) {
            return CompletableFuture.supplyAsync(() -> {
                reportStarted.reached();
                Future<String> chart = pool.submit(() -> "chart " + report);
                try {
                    return "report " + report + " with " + chart.get(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CompletionException(e);
                } catch (ExecutionException | TimeoutException e) {
                    throw new CompletionException(e);
                }
            }, pool);
        }
    }

    /**
     * Holds because each chart runs on a thread of its own — a virtual thread, started per chart — so a report blocked
     * on its chart never holds the thread the chart needs. The report still blocks a pool thread while it waits, but
     * for a chart that is sure to run. Virtual threads end with their task: there is nothing to shut down.
     */
    static final class ChartsOnTheirOwnVirtualThreads implements ReportBuilder {
        private final ExecutorService pool;
        private final ReportStarted reportStarted;

        ChartsOnTheirOwnVirtualThreads(ExecutorService pool, ReportStarted reportStarted) {
            this.pool = pool;
            this.reportStarted = reportStarted;
        }

        @Override
        public CompletableFuture<String> build(int report) {
            return CompletableFuture.supplyAsync(() -> {
                reportStarted.reached();
                CompletableFuture<String> chart = CompletableFuture.supplyAsync(() -> "chart " + report,
                        task -> Thread.ofVirtual().name("chart " + report).start(task));
                return "report " + report + " with " + chart.join();
            }, pool);
        }
    }
}
