package org.concurrencyhandbook.contentiondeadlock.resourcepool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Watchdog;

/**
 * The scenario both examples run: a pool of four connections and four tasks, each copying 250 rows, every copy with
 * two connections. At its first copy, each task, holding what it took first, waits until every other task holds a
 * connection too or is blocked — the moment of peak load, made certain. A {@link Watchdog} reports a stall when no copy
 * has completed for a second; the semaphore gives {@code ThreadMXBean} nothing to find.
 */
final class Copies {

    static final int CONNECTIONS = 4;
    static final int TASKS = 4;
    static final int COPIES_PER_TASK = 250;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Duration NO_PROGRESS = Duration.ofSeconds(1);

    private Copies() {
    }

    static Verdict demonstrate(String example, Function<PairBorrower.FirstConnectionHeld, PairBorrower> borrowerOn)
            throws InterruptedException {
        System.out.printf("2.8 Resource-pool deadlock — %s%n", example);
        System.out.printf("%d tasks copy %,d rows each; every copy needs two of the pool's %d connections.%n",
                TASKS, COPIES_PER_TASK, CONNECTIONS);
        ConnectionPool pool = new ConnectionPool(CONNECTIONS);
        Set<Thread> holdingFirst = ConcurrentHashMap.newKeySet();
        List<Thread> tasks = new ArrayList<>();
        PairBorrower borrower = borrowerOn.apply(() -> {
            Thread me = Thread.currentThread();
            if (holdingFirst.add(me)) {
                Await.arrivedOrBlocked(tasks.stream().filter(t -> t != me).toList(), holdingFirst::contains, LIMIT);
            }
        });
        LongAdder copied = new LongAdder();
        for (int i = 1; i <= TASKS; i++) {
            tasks.add(Thread.ofPlatform().daemon().name("copier-" + i).unstarted(() -> copyRows(pool, borrower, copied)));
        }
        Watchdog watchdog = Watchdog.watch(tasks).onNoProgress(copied::sum, NO_PROGRESS);
        tasks.forEach(Thread::start);
        Watchdog.Outcome outcome = watchdog.start().awaitOutcome(LIMIT);
        if (outcome.kind() == Watchdog.Outcome.Kind.FINISHED && copied.sum() == TASKS * COPIES_PER_TASK) {
            System.out.printf("All %,d copies completed in %d ms, each with two distinct connections.%n", copied.sum(),
                    outcome.after().toMillis());
            return Verdict.INVARIANT_HELD;
        }
        System.out.printf("STALL (%s) after %d ms: %,d of %,d copies done.%n", outcome.kind(), outcome.after().toMillis(),
                copied.sum(), TASKS * COPIES_PER_TASK);
        System.out.print(pool.describe());
        System.out.printf("ThreadMXBean.findDeadlockedThreads(): %s — a semaphore has no owner.%n",
                StallDetector.findDeadlock(tasks).map(d -> "found " + d.threadNames()).orElse("no deadlock found"));
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
