package org.concurrencyhandbook.contentiondeadlock.livelock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Watchdog;

/**
 * The scenario both examples run: two workers, 100 copy jobs each; worker 1 reaches for the scanner first, worker 2 for
 * the printer. The two are kept in step by the scenario, not by luck: at each point of an attempt, a worker waits until
 * the other has reached the same point — or cannot, because it is blocked on a lock this worker holds, or done. A
 * {@link Watchdog} reports a stall when no job has completed for a second; then the scenario releases the workers, who
 * leave at their next meeting point, so that no thread outlives it.
 */
final class Scenario {

    static final int JOBS_PER_WORKER = 100;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Duration NO_PROGRESS = Duration.ofSeconds(1);

    private Scenario() {
    }

    /**
     * How the run ended (the watchdog's verdict on progress), the jobs done, the attempts made and each worker's
     * refusals, and whether {@code ThreadMXBean} saw a deadlock. The invariant: every job done.
     */
    record Outcome(Watchdog.Outcome.Kind ended, Duration after, long jobsDone, long attempts, long refusedWorker1,
                   long refusedWorker2, boolean deadlockFound) {
        long refused() {
            return refusedWorker1 + refusedWorker2;
        }

        Verdict verdict() {
            return ended == Watchdog.Outcome.Kind.FINISHED && jobsDone == 2L * JOBS_PER_WORKER
                    ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Function<CopyRoom.Attempt, CopyRoom> roomOn) throws InterruptedException {
        Device scanner = new Device("scanner", 1);
        Device printer = new Device("printer", 2);
        InStep inStep = new InStep();
        CopyRoom room = roomOn.apply(inStep);
        LongAdder jobsDone = new LongAdder();
        LongAdder attempts = new LongAdder();
        List<Thread> workers = List.of(
                worker("worker-1", () -> attempts.add(room.copy(scanner, printer, jobsDone::increment))),
                worker("worker-2", () -> attempts.add(room.copy(printer, scanner, jobsDone::increment))));
        inStep.workers = workers;
        Watchdog watchdog = Watchdog.watch(workers).onNoProgress(jobsDone::sum, NO_PROGRESS);
        workers.forEach(Thread::start);
        Watchdog.Outcome watched = watchdog.start().awaitOutcome(LIMIT);
        boolean deadlockFound = StallDetector.findDeadlock(workers).isPresent();
        Outcome outcome = new Outcome(watched.kind(), watched.after(), jobsDone.sum(), attempts.sum(),
                inStep.refusedOf(workers.get(0)), inStep.refusedOf(workers.get(1)), deadlockFound);
        inStep.release(workers);
        return outcome;
    }

    static Verdict demonstrate(String example, Function<CopyRoom.Attempt, CopyRoom> roomOn) throws InterruptedException {
        System.out.printf("2.2 Livelock — %s%n", example);
        System.out.printf("Two polite workers, %d copy jobs each; a job needs the scanner and the printer.%n", JOBS_PER_WORKER);
        Outcome outcome = run(roomOn);
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.printf("All %d jobs done in %d ms, in %d attempts: %d refused.%n", outcome.jobsDone(),
                    outcome.after().toMillis(), outcome.attempts(), outcome.refused());
        } else {
            System.out.printf("Livelock (%s) after %d ms: %d of %d jobs done, while the workers were refused %,d times"
                    + " (worker-1 %,d, worker-2 %,d) — busy, and getting nowhere.%n", outcome.ended().inWords(),
                    outcome.after().toMillis(), outcome.jobsDone(), 2 * JOBS_PER_WORKER, outcome.refused(),
                    outcome.refusedWorker1(), outcome.refusedWorker2());
            System.out.printf("ThreadMXBean.findDeadlockedThreads(): %s.%n", outcome.deadlockFound()
                    ? "found a deadlock" : "no deadlock found — nobody waits for a lock; both keep trying");
        }
        return outcome.verdict();
    }

    private static Thread worker(String name, Runnable job) {
        return Thread.ofPlatform().daemon().name(name).unstarted(() -> {
            try {
                for (int i = 0; i < JOBS_PER_WORKER; i++) {
                    job.run();
                }
            } catch (Released released) {
                // The scenario is over: the worker leaves at its next meeting point, putting its device back on the way.
            }
        });
    }

    /** Keeps the two workers in step: each point of an attempt is a meeting point for both. */
    private static final class InStep implements CopyRoom.Attempt {

        private final Map<Thread, Integer> pointsPassed = new ConcurrentHashMap<>();
        private final Map<Thread, LongAdder> refused = new ConcurrentHashMap<>();
        private volatile List<Thread> workers;
        private volatile boolean released;

        @Override
        public void holdingFirst() {
            meet();
        }

        @Override
        public void refused() {
            refused.computeIfAbsent(Thread.currentThread(), t -> new LongAdder()).increment();
            meet();
        }

        @Override
        public void putBack() {
            meet();
        }

        long refusedOf(Thread worker) {
            LongAdder count = refused.get(worker);
            return count == null ? 0 : count.sum();
        }

        /** Ends the scenario: each worker leaves at its next meeting point, so that no thread outlives it. */
        void release(List<Thread> workers) throws InterruptedException {
            released = true;
            for (Thread worker : workers) {
                if (!worker.join(LIMIT)) {
                    throw new IllegalStateException(worker.getName() + " did not leave when released");
                }
            }
        }

        private void meet() {
            if (released) {
                throw new Released();
            }
            Thread me = Thread.currentThread();
            int mine = pointsPassed.merge(me, 1, Integer::sum);
            // Only a lock this worker holds may excuse the other: a worker momentarily blocked on anything else (a map's
            // bin, class loading) must still be waited for, or the two fall out of step and the livelock dissolves.
            Await.arrivedOrBlockedByMe(workers.stream().filter(t -> t != me).toList(),
                    other -> released || pointsPassed.getOrDefault(other, 0) >= mine, LIMIT);
        }
    }

    /** Thrown at a meeting point once the scenario is over. */
    private static final class Released extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        Released() {
            super("the scenario is over", null, false, false);
        }
    }
}
