package org.concurrencyhandbook.contentiondeadlock.poolstarvation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario both examples run: a fixed pool of two threads builds two reports at once. Inside each report task, the
 * two tasks meet (a barrier) before asking for their charts, so both pool threads are busy with a report at that moment
 * — the load at which a pool starves itself, made certain. The reports then get two seconds.
 */
final class Reports {

    static final int POOL_SIZE = 2;
    private static final Duration LIMIT = Duration.ofSeconds(2);

    private Reports() {
    }

    static Verdict demonstrate(String example, BiFunction<java.util.concurrent.ExecutorService, ReportBuilder.ReportStarted, ReportBuilder> builderOn)
            throws InterruptedException {
        System.out.printf("2.5 Thread-starvation deadlock in a bounded pool — %s%n", example);
        List<Thread> poolThreads = new CopyOnWriteArrayList<>();
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(POOL_SIZE, task -> {
            Thread thread = Thread.ofPlatform().daemon().name("report-pool-" + (poolThreads.size() + 1)).unstarted(task);
            poolThreads.add(thread);
            return thread;
        });
        CyclicBarrier allReportsStarted = new CyclicBarrier(POOL_SIZE);
        ReportBuilder builder = builderOn.apply(pool, () -> await(allReportsStarted));
        List<CompletableFuture<String>> reports = List.of(builder.build(1), builder.build(2));
        try {
            CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new)).get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            System.out.printf("A pool of %d threads built %d reports at once: %s.%n", POOL_SIZE, reports.size(),
                    reports.stream().map(CompletableFuture::join).toList());
            return Verdict.INVARIANT_HELD;
        } catch (TimeoutException stalled) {
            System.out.printf("STARVED: no report finished in %d ms. The pool has %d threads, %d of them busy, and %d tasks"
                    + " queued that no thread is free to run.%n", LIMIT.toMillis(), pool.getPoolSize(), pool.getActiveCount(),
                    pool.getQueue().size());
            System.out.printf("ThreadMXBean.findDeadlockedThreads(): %s — the threads wait on futures, not on locks.%n",
                    StallDetector.findDeadlock(poolThreads).map(d -> "found " + d.threadNames()).orElse("no deadlock found"));
            System.out.print(StallDetector.dump(poolThreads));
            List<Runnable> neverRan = pool.shutdownNow();
            boolean ended = pool.awaitTermination(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            System.out.printf("Torn down with shutdownNow(): %d queued tasks never ran; pool threads %s.%n", neverRan.size(),
                    ended ? "all ended" : "still running");
            return Verdict.FAILURE_SHOWN;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a report failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the report tasks never ran at the same time", e);
        }
    }
}
