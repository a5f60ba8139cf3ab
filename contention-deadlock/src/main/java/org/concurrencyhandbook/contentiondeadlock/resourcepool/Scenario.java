package org.concurrencyhandbook.contentiondeadlock.resourcepool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.concurrencyhandbook.contentiondeadlock.resourcepool.ConnectionPool.Connection;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Watchdog;

/**
 * The scenario every borrower runs: a pool of four connections and four tasks, each copying 250 rows, every copy with
 * two connections. At its first copy, each task, holding what it took first, waits until every other task holds a
 * connection too or is blocked — the moment of peak load, made certain. A {@link Watchdog} reports a stall when no copy
 * has completed for a second; the semaphore gives {@code ThreadMXBean} nothing to find. Then the scenario interrupts
 * the tasks — a semaphore's wait, unlike a monitor's, can be interrupted — so that none outlives it.
 */
final class Scenario {

    static final int CONNECTIONS = 4;
    static final int TASKS = 4;
    static final int COPIES_PER_TASK = 250;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Duration NO_PROGRESS = Duration.ofSeconds(1);

    private Scenario() {
    }

    /**
     * How the run ended, the copies done, the pool as the stall left it (free connections, tasks queued for a permit,
     * who held what), whether {@code ThreadMXBean} saw a deadlock, and the tasks that gave up with an exception. The
     * invariant: every copy done.
     */
    record Outcome(Watchdog.Outcome.Kind ended, Duration after, long copied, int freeConnections, int waitingForPermit,
                   Map<String, List<Connection>> holders, boolean deadlockFound, Map<String, Throwable> gaveUp,
                   String diagnosis) {
        Verdict verdict() {
            return ended == Watchdog.Outcome.Kind.FINISHED && copied == (long) TASKS * COPIES_PER_TASK && gaveUp.isEmpty()
                    ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Function<PairBorrower.FirstConnectionHeld, PairBorrower> borrowerOn) throws InterruptedException {
        ConnectionPool pool = new ConnectionPool(CONNECTIONS);
        List<Thread> tasks = new ArrayList<>();
        PairBorrower borrower = borrowerOn.apply(Await.firstPassTogether(tasks, LIMIT)::run);
        LongAdder copied = new LongAdder();
        Map<String, Throwable> gaveUp = new ConcurrentHashMap<>();
        for (int i = 1; i <= TASKS; i++) {
            tasks.add(Thread.ofPlatform().daemon().name("copier-" + i)
                    .uncaughtExceptionHandler((task, failure) -> gaveUp.put(task.getName(), failure))
                    .unstarted(() -> copyRows(pool, borrower, copied)));
        }
        Watchdog watchdog = Watchdog.watch(tasks).onNoProgress(copied::sum, NO_PROGRESS);
        tasks.forEach(Thread::start);
        Watchdog.Outcome watched = watchdog.start().awaitOutcome(LIMIT);
        Outcome outcome = new Outcome(watched.kind(), watched.after(), copied.sum(), pool.free(), pool.waitingForPermit(),
                pool.holders(), StallDetector.findDeadlock(tasks).isPresent(), Map.copyOf(gaveUp), watched.diagnosis());
        for (Thread task : tasks) {
            task.interrupt();
        }
        for (Thread task : tasks) {
            task.join(LIMIT.toMillis());
        }
        return outcome;
    }

    static Verdict demonstrate(String example, Function<PairBorrower.FirstConnectionHeld, PairBorrower> borrowerOn)
            throws InterruptedException {
        System.out.printf("2.8 Resource-pool deadlock — %s%n", example);
        System.out.printf("%d tasks copy %,d rows each; every copy needs two of the pool's %d connections.%n",
                TASKS, COPIES_PER_TASK, CONNECTIONS);
        Outcome outcome = run(borrowerOn);
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.printf("All %,d copies completed in %d ms, each with two distinct connections.%n", outcome.copied(),
                    outcome.after().toMillis());
            return Verdict.INVARIANT_HELD;
        }
        System.out.printf("Stalled (%s) after %d ms: %,d of %,d copies done.%n", outcome.ended().inWords(), outcome.after().toMillis(),
                outcome.copied(), TASKS * COPIES_PER_TASK);
        System.out.printf("%d of %d connections free, %d tasks waiting for a permit (Semaphore.getQueueLength())%n",
                outcome.freeConnections(), CONNECTIONS, outcome.waitingForPermit());
        outcome.holders().forEach((task, held) -> System.out.printf("  \"%s\" holds %s%n", task, held));
        outcome.gaveUp().forEach((task, failure) -> System.out.printf("  \"%s\" gave up: %s%n", task, failure));
        System.out.printf("ThreadMXBean.findDeadlockedThreads(): %s — a semaphore has no owner.%n",
                outcome.deadlockFound() ? "found a deadlock" : "no deadlock found");
        System.out.println(outcome.diagnosis());
        return Verdict.FAILURE_SHOWN;
    }

    private static void copyRows(ConnectionPool pool, PairBorrower borrower, LongAdder copied) {
        try {
            for (int row = 0; row < COPIES_PER_TASK; row++) {
                borrower.withTwoConnections(pool, (source, target) -> {
                    if (source.equals(target)) {
                        throw new IllegalStateException(source + " handed out twice");
                    }
                    copied.increment();
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
