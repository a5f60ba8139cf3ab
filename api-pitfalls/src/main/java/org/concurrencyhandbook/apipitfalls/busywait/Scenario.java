package org.concurrencyhandbook.apipitfalls.busywait;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario every handoff runs: 20 rounds in which a waiter thread calls {@code awaitSignal()} and the scenario,
 * once the waiter is in, lets 20 ms pass and calls {@code signal()}. The verdict comes from a count, which load cannot
 * bend: how many times the waiter <em>stopped waiting on a CPU</em> — parked, slept, waited — during its waits, read
 * from {@code ThreadInfo.getWaitedCount()} before and after each wait.
 *
 * <ul>
 *   <li><b>Never</b>, over all 20 waits: the waiter was on a CPU, or queued for one, the whole time — busy waiting,
 *       however the scheduler shared the CPU among the threads that wanted it.</li>
 *   <li><b>About once per wait</b> ({@value #MOST_WAKE_UPS_PER_WAIT} at most): it slept until it was woken.</li>
 *   <li><b>Many times per wait</b> (over {@value #POLLING_WAKE_UPS_PER_WAIT}): it woke up again and again to look —
 *       polling, which notices the signal only at its next look.</li>
 * </ul>
 * Between the last two, the run is inconclusive and says so. Two figures are measured and reported beside the count,
 * never judged: the waiter's CPU time over its wall time ({@code ThreadMXBean.getCurrentThreadCpuTime}), and its
 * median lateness after the signal against a reference {@code CountDownLatch} waiter measured in the same rounds.
 */
final class Scenario {

    static final int ROUNDS = 20;
    static final Duration SIGNAL_AFTER = Duration.ofMillis(20);
    static final int MOST_WAKE_UPS_PER_WAIT = 3;
    static final int POLLING_WAKE_UPS_PER_WAIT = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Scenario() {
    }

    /** How often the waiter stopped to wait, what its waits cost in CPU, and how late it woke against the reference. */
    record Outcome(long wakeUps, long waitedNanos, long cpuNanos, long medianLateNanos, long referenceMedianLateNanos,
                   boolean cpuTimeMeasured) {

        boolean spinning() {
            return wakeUps == 0;
        }

        boolean polling() {
            return wakeUps > (long) POLLING_WAKE_UPS_PER_WAIT * ROUNDS;
        }

        double wakeUpsPerWait() {
            return (double) wakeUps / ROUNDS;
        }

        double cpuShare() {
            return cpuTimeMeasured ? (double) cpuNanos / waitedNanos : Double.NaN;
        }

        double lateness() {
            return (double) medianLateNanos / Math.max(1, referenceMedianLateNanos);
        }

        Verdict verdict() {
            if (spinning() || polling()) {
                return Verdict.FAILURE_SHOWN;
            }
            return wakeUps <= (long) MOST_WAKE_UPS_PER_WAIT * ROUNDS ? Verdict.INVARIANT_HELD : Verdict.INCONCLUSIVE;
        }

        String inconclusiveReason() {
            return String.format("%.1f wake-ups per wait, between a blocking wait (at most %d) and polling (over %d)",
                    wakeUpsPerWait(), MOST_WAKE_UPS_PER_WAIT, POLLING_WAKE_UPS_PER_WAIT);
        }
    }

    private record Wait(long wakeUps, long wallNanos, long cpuNanos, long lateNanos) {
    }

    static Outcome run(Supplier<Handoff> opener) throws InterruptedException {
        boolean cpuTimeMeasured = THREADS.isCurrentThreadCpuTimeSupported();
        if (cpuTimeMeasured) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        long wakeUps = 0;
        long waited = 0;
        long cpu = 0;
        long[] late = new long[ROUNDS];
        long[] referenceLate = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            Wait wait = oneWait(opener.get(), cpuTimeMeasured);
            wakeUps += wait.wakeUps();
            waited += wait.wallNanos();
            cpu += wait.cpuNanos();
            late[round] = wait.lateNanos();
            referenceLate[round] = oneWait(new LatchReference(), cpuTimeMeasured).lateNanos();
        }
        return new Outcome(wakeUps, waited, cpu, median(late), median(referenceLate), cpuTimeMeasured);
    }

    private static Wait oneWait(Handoff handoff, boolean cpuTimeMeasured) throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        long[] measured = new long[4];
        long[] signalledAt = new long[1];
        Workers waiter = new Workers();
        waiter.add("waiter", () -> {
            long me = Thread.currentThread().threadId();
            waiting.countDown();
            long waitsBefore = THREADS.getThreadInfo(me).getWaitedCount();
            long cpuBefore = cpuTimeMeasured ? THREADS.getCurrentThreadCpuTime() : 0;
            long start = System.nanoTime();
            try {
                handoff.awaitSignal();
            } catch (InterruptedException e) {
                throw new IllegalStateException("the waiter was interrupted", e);
            }
            long end = System.nanoTime();
            measured[0] = THREADS.getThreadInfo(me).getWaitedCount() - waitsBefore;
            measured[1] = end - start;
            measured[2] = cpuTimeMeasured ? THREADS.getCurrentThreadCpuTime() - cpuBefore : 0;
            measured[3] = end - signalledAt[0];
        });
        waiter.startAll();
        Await.opened(waiting, PATIENCE, "the waiter never started");
        Thread.sleep(SIGNAL_AFTER);
        signalledAt[0] = System.nanoTime();
        handoff.signal();
        waiter.awaitAll(PATIENCE);
        return new Wait(measured[0], measured[1], measured[2], measured[3]);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The reference every handoff's lateness is measured against: a parked thread woken by the signal itself. */
    private static final class LatchReference implements Handoff {
        private final CountDownLatch ready = new CountDownLatch(1);

        @Override
        public void signal() {
            ready.countDown();
        }

        @Override
        public void awaitSignal() throws InterruptedException {
            ready.await();
        }
    }

    static Verdict demonstrate(String example, Supplier<Handoff> opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("3.5 Busy waiting — %s%n", example);
        System.out.printf("A waiter waited %d times for a signal sent %d ms after it began to wait.%n", ROUNDS,
                SIGNAL_AFTER.toMillis());
        System.out.printf("It stopped to wait (parked, slept) %d times in all: %.1f per wait.%n", outcome.wakeUps(),
                outcome.wakeUpsPerWait());
        if (outcome.cpuTimeMeasured()) {
            System.out.printf("It was on a CPU for %.0f %% of its waiting (%,d of %,d ms of CPU time).%n",
                    100 * outcome.cpuShare(), outcome.cpuNanos() / 1_000_000, outcome.waitedNanos() / 1_000_000);
        }
        System.out.printf("It woke up %.3f ms after the signal (median); a waiter parked on a CountDownLatch, in the same"
                + " rounds: %.3f ms (%.1f×).%n", outcome.medianLateNanos() / 1e6, outcome.referenceMedianLateNanos() / 1e6,
                outcome.lateness());
        if (outcome.spinning()) {
            System.out.println("BUSY WAITING: the waiter never stopped to wait — it was on a CPU, or queued for one, the"
                    + " whole time.");
        }
        if (outcome.polling()) {
            System.out.println("POLLING: the waiter woke up again and again to look, and noticed the signal only at its"
                    + " next look.");
        }
        switch (outcome.verdict()) {
            case INVARIANT_HELD -> System.out.println("The waiter slept until it was woken, and used almost no CPU.");
            case INCONCLUSIVE -> System.out.println("INCONCLUSIVE: " + outcome.inconclusiveReason() + ".");
            default -> { }
        }
        return outcome.verdict();
    }
}
