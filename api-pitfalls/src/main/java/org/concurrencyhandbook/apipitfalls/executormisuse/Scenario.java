package org.concurrencyhandbook.apipitfalls.executormisuse;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every executor runs: a burst of 100 tasks, submitted with {@code execute} as fast as the caller can,
 * each of which waits for a reply that comes once the whole burst is in and the pool runs all it will run —
 * blocking work, as most server work is. The
 * service is meant to run {@value #THREADS} tasks at a time. Counted, not timed:
 *
 * <ul>
 *   <li>the pool's platform threads — those that ran a task, the submitting thread left out (a virtual thread per
 *       task is not a pool thread);</li>
 *   <li>the most tasks running on them at once;</li>
 *   <li>tasks that ran, tasks refused to the caller's face ({@code RejectedExecutionException} from {@code execute}),
 *       and the rest: accepted and never run, nobody told.</li>
 * </ul>
 * A task that the submitting thread runs itself ({@code CallerRunsPolicy}) does not wait for the reply — its caller
 * would be the one to send it. The invariant: no more than {@value #THREADS} threads, all {@value #THREADS} of them
 * used while the burst waits, no more than {@value #QUEUE} tasks held waiting, and every task run or refused loudly.
 */
final class Scenario {

    static final int BURST = 100;
    static final int THREADS = 8;
    static final int QUEUE = 16;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration SETTLE = Duration.ofMillis(200);
    private static final Duration POLL = Duration.ofMillis(1);

    private Scenario() {
    }

    /** What the burst did to the executor, and the executor to the burst. */
    record Outcome(int submitted, int ran, int ranBySubmitter, int refused, int poolThreads, int mostRunningAtOnce) {
        int lost() {
            return submitted - ran - refused;
        }

        /** Tasks the executor held without running them while the burst waited: accepted, not lost, not running. */
        int queuedAtOnce() {
            return submitted - refused - ranBySubmitter - lost() - mostRunningAtOnce;
        }

        boolean unboundedQueue() {
            return queuedAtOnce() > QUEUE;
        }

        boolean unbounded() {
            return poolThreads > THREADS;
        }

        boolean underused() {
            return mostRunningAtOnce < THREADS;
        }

        Verdict verdict() {
            return unbounded() || underused() || unboundedQueue() || lost() > 0 ? Verdict.FAILURE_SHOWN
                                                                                 : Verdict.INVARIANT_HELD;
        }
    }

    static Outcome run(Supplier<ExecutorService> opener) throws InterruptedException {
        ExecutorService executor = opener.get();
        Thread submitter = Thread.currentThread();
        CountDownLatch replies = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger ranBySubmitter = new AtomicInteger();
        Set<Thread> poolThreads = ConcurrentHashMap.newKeySet();
        int refused = 0;
        try {
            for (int task = 0; task < BURST; task++) {
                try {
                    executor.execute(() -> {
                        if (Thread.currentThread() != submitter) {
                            if (!Thread.currentThread().isVirtual()) {
                                poolThreads.add(Thread.currentThread());
                            }
                            most.accumulateAndGet(running.incrementAndGet(), Math::max);
                            try {
                                Await.opened(replies, PATIENCE, "the burst was never all submitted");
                            } finally {
                                running.decrementAndGet();
                            }
                        } else {
                            ranBySubmitter.incrementAndGet();
                        }
                        ran.incrementAndGet();
                    });
                } catch (RejectedExecutionException refusedLoudly) {
                    refused++;
                }
            }
            awaitThePoolAtFullStrength(running);
        } finally {
            replies.countDown();
            executor.shutdown();
        }
        if (!executor.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
            throw new IllegalStateException("the executor did not finish the burst within " + PATIENCE.toSeconds() + " s");
        }
        return new Outcome(BURST, ran.get(), ranBySubmitter.get(), refused, poolThreads.size(), most.get());
    }

    /**
     * The pool starts its threads as the burst arrives, and each needs a moment to pick up its first task: the replies
     * wait until {@value #THREADS} tasks run at once — the most a correct pool may run — or until no further task has
     * started for {@code SETTLE}, which is all a pool that cannot reach its bound will ever do.
     */
    private static void awaitThePoolAtFullStrength(AtomicInteger running) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int seen = -1;
        long seenSince = System.nanoTime();
        while (running.get() < THREADS && System.nanoTime() < deadline) {
            int now = running.get();
            if (now != seen) {
                seen = now;
                seenSince = System.nanoTime();
            } else if (System.nanoTime() - seenSince > SETTLE.toNanos()) {
                return;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    static Verdict demonstrate(String example, Supplier<ExecutorService> opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("3.6 Executor misuse: unbounded threads, silent rejection — %s%n", example);
        System.out.printf("A burst of %d tasks arrived, each waiting for a reply; the service is meant to run %d at a"
                + " time.%n", BURST, THREADS);
        System.out.printf("The pool started %d thread(s); at most %d task(s) ran on them at once. %d ran (%d of them on"
                + " the submitting thread), %d were refused to the caller, %d were accepted and never ran.%n",
                outcome.poolThreads(), outcome.mostRunningAtOnce(), outcome.ran(), outcome.ranBySubmitter(),
                outcome.refused(), outcome.lost());
        if (outcome.unbounded()) {
            System.out.printf("UNBOUNDED: %d threads for %d waiting tasks — a bigger burst ends in \"unable to create"
                    + " native thread\".%n", outcome.poolThreads(), BURST);
        }
        if (outcome.underused()) {
            System.out.printf("UNDERUSED: at most %d of the %d threads it may have, while tasks waited in its queue.%n",
                    outcome.mostRunningAtOnce(), THREADS);
        }
        if (outcome.unboundedQueue()) {
            System.out.printf("UNBOUNDED QUEUE: %d tasks held waiting at once, where %d was the limit — a bigger burst"
                    + " waits without end, and the callers never hear \"busy\".%n", outcome.queuedAtOnce(), QUEUE);
        }
        if (outcome.lost() > 0) {
            System.out.printf("SILENTLY DROPPED: %d tasks accepted and thrown away — nobody was told.%n", outcome.lost());
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.printf("At most %d threads, all of them used, and every task ran or was refused to the caller's"
                    + " face.%n", THREADS);
        }
        return outcome.verdict();
    }
}
