package org.concurrencyhandbook.contentiondeadlock.poolstarvation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * 2.5 Thread-starvation deadlock in a bounded pool — the broken builder: a task waits on a task queued behind it.
 *
 * <p>Each report task submits its chart to the same pool and blocks in {@code Future.get()} until the chart is done.
 * With a free pool thread, that works. But when every pool thread is running a report, every one of them waits for a
 * chart that sits in the queue behind it, and there is no thread left to run a chart. The pool is full, the queue is
 * not empty, no thread runs: a deadlock with no lock in it, so no deadlock detector reports it — the threads are
 * WAITING in {@code FutureTask.get}.
 *
 * <p>Run it: {@code ./handbook 2.5}. It detects that no report finished, shows the pool's state and its threads, tears
 * the pool down with {@code shutdownNow()} and exits 4 (failure shown).
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.5} printed:
 * <pre>
 * STARVED: 0 of 2 reports built in 2000 ms. The pool has 2 threads, 2 of them busy, and 2 tasks queued that no thread is free to run.
 * The pool threads wait in [FutureTask.get, FutureTask.get].
 * ThreadMXBean.findDeadlockedThreads(): no deadlock found — the threads wait on futures, not on locks.
 *   "report-pool-1" waits in FutureTask.get, at a lambda in BadExample.build (BadExample.java:49)
 *   "report-pool-2" waits in FutureTask.get, at a lambda in BadExample.build (BadExample.java:49)
 * (Full stacks: add --thread-dump to ./handbook, or -Dhandbook.threadDump=true to java.)
 * Torn down with shutdownNow(): 2 queued tasks never ran; pool threads all ended.
 * </pre>
 */
public final class BadExample implements ReportBuilder {

    private final ExecutorService pool;
    private final ReportStarted reportStarted;

    public BadExample(ExecutorService pool, ReportStarted reportStarted) {
        this.pool = pool;
        this.reportStarted = reportStarted;
    }

    @Override
    public CompletableFuture<String> build(int report) {
        return CompletableFuture.supplyAsync(() -> {
            reportStarted.reached();
            Future<String> chart = pool.submit(() -> "chart " + report);
            try {
                // Wrong: this pool thread now waits for a task that needs a pool thread to run.
                return "report " + report + " with " + chart.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            } catch (ExecutionException e) {
                throw new CompletionException(e.getCause());
            }
        }, pool);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
