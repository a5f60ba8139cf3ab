package org.concurrencyhandbook.contentiondeadlock.poolstarvation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.concurrencyhandbook.support.LockNames;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every builder runs: a fixed pool of two threads builds two reports at once. Inside each report task, the
 * two tasks meet (a barrier) before asking for their charts, so both pool threads are busy with a report at that moment
 * — the load at which a pool starves itself, made certain. The reports then get two seconds; then the pool is torn
 * down with {@code shutdownNow()}, whose interrupts end a wait in {@code Future.get}. They do not end one in
 * {@code CompletableFuture.join()}, which ignores interrupts: then the scenario runs the tasks that never ran itself,
 * so that what the pool threads wait for completes — and no pool thread outlives the run.
 */
final class Scenario {

    static final int POOL_SIZE = 2;
    static final List<String> EXPECTED = List.of("report 1 with chart 1", "report 2 with chart 2");
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final Duration INTERRUPTS_ANSWERED = Duration.ofMillis(500);

    private Scenario() {
    }

    /**
     * The reports built and the ones that failed; the pool as the limit found it — its threads, how many were busy,
     * the tasks queued, where each thread waited (the JDK method our code called), whether {@code ThreadMXBean} saw a
     * deadlock — and the tear-down: queued tasks that never ran, whether {@code shutdownNow()}'s interrupts ended every
     * pool thread, and whether they all ended in the end. The invariant: every report built, with its chart.
     */
    record Outcome(List<String> built, List<String> failed, int poolThreads, int busy, int queued, List<String> waitingIn,
                   boolean deadlockFound, List<String> waits, String stacks, int neverRan, boolean endedByInterrupts, boolean poolEnded) {
        Verdict verdict() {
            return built.equals(EXPECTED) ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(BiFunction<ExecutorService, ReportBuilder.ReportStarted, ReportBuilder> builderOn)
            throws InterruptedException {
        List<Thread> poolThreads = new CopyOnWriteArrayList<>();
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(POOL_SIZE, task -> {
            Thread thread = Thread.ofPlatform().daemon().name("report-pool-" + (poolThreads.size() + 1)).unstarted(task);
            poolThreads.add(thread);
            return thread;
        });
        try {
            CyclicBarrier allReportsStarted = new CyclicBarrier(POOL_SIZE);
            ReportBuilder builder = builderOn.apply(pool, () -> await(allReportsStarted));
            List<CompletableFuture<String>> reports = List.of(builder.build(1), builder.build(2));
            try {
                CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new)).get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException notAllBuilt) {
                // what each report did is read below
            }
            List<String> built = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (CompletableFuture<String> report : reports) {
                if (report.isDone() && !report.isCompletedExceptionally()) {
                    built.add(report.join());
                } else if (report.isCompletedExceptionally()) {
                    failed.add(report.exceptionNow().toString());
                }
            }
            int busy = pool.getActiveCount();
            int queued = pool.getQueue().size();
            List<String> waitingIn = poolThreads.stream().map(StallDetector::waitingIn).toList();
            boolean deadlockFound = StallDetector.findDeadlock(poolThreads).isPresent();
            List<String> waits = StallDetector.describe(poolThreads, LockNames.none());
            String stacks = StallDetector.stacksOnRequest(poolThreads, LockNames.none());
            List<Runnable> neverRan = pool.shutdownNow();
            boolean endedByInterrupts = allEnded(poolThreads, INTERRUPTS_ANSWERED);
            if (!endedByInterrupts) {
                neverRan.forEach(Runnable::run);
            }
            boolean poolEnded = allEnded(poolThreads, LIMIT);
            return new Outcome(List.copyOf(built), List.copyOf(failed), poolThreads.size(), busy, queued, waitingIn,
                    deadlockFound, waits, stacks, neverRan.size(), endedByInterrupts, poolEnded);
        } finally {
            pool.shutdownNow();
        }
    }

    static Verdict demonstrate(String example, BiFunction<ExecutorService, ReportBuilder.ReportStarted, ReportBuilder> builderOn)
            throws InterruptedException {
        System.out.printf("2.5 Thread-starvation deadlock in a bounded pool — %s%n", example);
        Outcome outcome = run(builderOn);
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.printf("A pool of %d threads built %d reports at once: %s.%n", POOL_SIZE, outcome.built().size(),
                    outcome.built());
            return Verdict.INVARIANT_HELD;
        }
        System.out.printf("STARVED: %d of %d reports built in %d ms%s. The pool has %d threads, %d of them busy, and %d tasks"
                + " queued that no thread is free to run.%n", outcome.built().size(), EXPECTED.size(), LIMIT.toMillis(),
                outcome.failed().isEmpty() ? "" : ", " + outcome.failed().size() + " failed: " + outcome.failed(),
                outcome.poolThreads(), outcome.busy(), outcome.queued());
        System.out.printf("The pool threads wait in %s.%n", outcome.waitingIn());
        System.out.printf("ThreadMXBean.findDeadlockedThreads(): %s — the threads wait on futures, not on locks.%n",
                outcome.deadlockFound() ? "found a deadlock" : "no deadlock found");
        outcome.waits().forEach(line -> System.out.println("  " + line));
        System.out.print(outcome.stacks());
        System.out.printf("Torn down with shutdownNow(): %d queued tasks never ran; pool threads %s.%n", outcome.neverRan(),
                outcome.endedByInterrupts() ? "all ended"
                        : "deaf to its interrupts, ended only once the queued tasks were run by hand: " + outcome.poolEnded());
        return Verdict.FAILURE_SHOWN;
    }

    /**
     * Whether every pool thread has ended within {@code limit}. {@code awaitTermination} is not enough: it returns
     * while the last workers are still on their way out, parked on the pool's lock.
     */
    private static boolean allEnded(List<Thread> threads, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread thread : threads) {
            thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        return threads.stream().noneMatch(Thread::isAlive);
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
