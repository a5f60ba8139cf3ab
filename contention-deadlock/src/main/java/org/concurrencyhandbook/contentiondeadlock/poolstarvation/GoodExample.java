package org.concurrencyhandbook.contentiondeadlock.poolstarvation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * 2.5 Thread-starvation deadlock in a bounded pool — the fixed builder: nothing on the pool waits for the pool.
 *
 * <p>The report task no longer blocks for its chart. It returns, and {@code thenCompose} schedules the chart on the same
 * pool and the assembly after it, as continuations: every pool thread is free again the moment its step is done, so
 * the chart always finds a thread. A pool of any size completes any number of reports.
 *
 * <p>Other fixes: a separate pool for the dependent tasks (sized so that it cannot itself starve), a
 * {@code ForkJoinPool} with {@code fork()}/{@code join()} — whose {@code join} runs queued subtasks instead of just
 * waiting — or, on JDK 21+, virtual threads, for which blocking costs no pool thread at all.
 *
 * <p>Run it: {@code ./handbook 2.5}. It exits 0: every report was built.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.5} printed:
 * <pre>
 * A pool of 2 threads built 2 reports at once: [report 1 with chart 1, report 2 with chart 2].
 * </pre>
 */
public final class GoodExample implements ReportBuilder {

    private final ExecutorService pool;
    private final ReportStarted reportStarted;

    public GoodExample(ExecutorService pool, ReportStarted reportStarted) {
        this.pool = pool;
        this.reportStarted = reportStarted;
    }

    @Override
    public CompletableFuture<String> build(int report) {
        return CompletableFuture.supplyAsync(() -> {
            reportStarted.reached();
            return report;
        }, pool).thenCompose(started -> CompletableFuture.supplyAsync(() -> "chart " + started, pool)
                .thenApply(chart -> "report " + started + " with " + chart));
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
