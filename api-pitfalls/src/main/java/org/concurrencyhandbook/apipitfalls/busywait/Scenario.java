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
 * once the waiter is in, lets 20 ms pass and calls {@code signal()}. Two things are measured, both relative, never
 * against an absolute time:
 *
 * <ul>
 *   <li><b>CPU share</b> — the waiter's CPU time during its waits ({@code ThreadMXBean.getCurrentThreadCpuTime}) over
 *       their wall time: about 100 % for a thread that spins, a fraction of a per cent for one that is parked.</li>
 *   <li><b>Lateness</b> — the median time from {@code signal()} to the waiter's return, over the same median for a
 *       reference handoff (a {@code CountDownLatch}) measured in the same rounds, interleaved, so that the machine's
 *       load weighs on both alike.</li>
 * </ul>
 * A handoff that spends at least half its wait on a CPU, or wakes at least {@value #LATE}× later than the reference,
 * shows the failure; one under {@value #IDLE_SHARE} of CPU share and {@value #PROMPT}× the reference's lateness holds.
 * In between, or without thread CPU time on this JVM, the run is inconclusive and says why.
 */
final class Scenario {

    static final int ROUNDS = 20;
    static final Duration SIGNAL_AFTER = Duration.ofMillis(20);
    static final double BURNING_SHARE = 0.5;
    static final double IDLE_SHARE = 0.1;
    static final double LATE = 5;
    static final double PROMPT = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Scenario() {
    }

    /** What the waits cost, and how late the wake-ups came, against the reference's. */
    record Outcome(long waitedNanos, long cpuNanos, long medianLateNanos, long referenceMedianLateNanos,
                   boolean cpuTimeMeasured) {

        double cpuShare() {
            return (double) cpuNanos / waitedNanos;
        }

        double lateness() {
            return (double) medianLateNanos / Math.max(1, referenceMedianLateNanos);
        }

        boolean burning() {
            return cpuShare() >= BURNING_SHARE;
        }

        boolean late() {
            return lateness() >= LATE;
        }

        Verdict verdict() {
            if (!cpuTimeMeasured) {
                return Verdict.INCONCLUSIVE;
            }
            if (burning() || late()) {
                return Verdict.FAILURE_SHOWN;
            }
            return cpuShare() <= IDLE_SHARE && lateness() <= PROMPT ? Verdict.INVARIANT_HELD : Verdict.INCONCLUSIVE;
        }

        String inconclusiveReason() {
            return !cpuTimeMeasured ? "this JVM does not measure thread CPU time"
                    : String.format("CPU share %.0f %% and lateness %.1f× fall between the bounds (a failure: ≥ %.0f %% or"
                            + " ≥ %.0f×; held: ≤ %.0f %% and ≤ %.0f×) — a machine too loaded to tell", 100 * cpuShare(),
                            lateness(), 100 * BURNING_SHARE, LATE, 100 * IDLE_SHARE, PROMPT);
        }
    }

    private record Wait(long wallNanos, long cpuNanos, long lateNanos) {
    }

    static Outcome run(Supplier<Handoff> opener) throws InterruptedException {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            return new Outcome(1, 0, 0, 0, false);
        }
        THREADS.setThreadCpuTimeEnabled(true);
        long waited = 0;
        long cpu = 0;
        long[] late = new long[ROUNDS];
        long[] referenceLate = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            Wait wait = oneWait(opener.get());
            waited += wait.wallNanos();
            cpu += wait.cpuNanos();
            late[round] = wait.lateNanos();
            referenceLate[round] = oneWait(new LatchReference()).lateNanos();
        }
        return new Outcome(waited, cpu, median(late), median(referenceLate), true);
    }

    private static Wait oneWait(Handoff handoff) throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        long[] measured = new long[3];
        long[] signalledAt = new long[1];
        Workers waiter = new Workers();
        waiter.add("waiter", () -> {
            waiting.countDown();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            try {
                handoff.awaitSignal();
            } catch (InterruptedException e) {
                throw new IllegalStateException("the waiter was interrupted", e);
            }
            long end = System.nanoTime();
            measured[0] = end - start;
            measured[1] = THREADS.getCurrentThreadCpuTime() - cpuBefore;
            measured[2] = end - signalledAt[0];
        });
        waiter.startAll();
        Await.opened(waiting, PATIENCE, "the waiter never started");
        Thread.sleep(SIGNAL_AFTER);
        signalledAt[0] = System.nanoTime();
        handoff.signal();
        waiter.awaitAll(PATIENCE);
        return new Wait(measured[0], measured[1], measured[2]);
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
        if (!outcome.cpuTimeMeasured()) {
            System.out.println("INCONCLUSIVE: " + outcome.inconclusiveReason() + ".");
            return outcome.verdict();
        }
        System.out.printf("It was on a CPU for %.0f %% of its waiting (%,d of %,d ms of CPU time).%n",
                100 * outcome.cpuShare(), outcome.cpuNanos() / 1_000_000, outcome.waitedNanos() / 1_000_000);
        System.out.printf("It woke up %.3f ms after the signal (median); a waiter parked on a CountDownLatch, in the same"
                + " rounds: %.3f ms (%.1f×).%n", outcome.medianLateNanos() / 1e6, outcome.referenceMedianLateNanos() / 1e6,
                outcome.lateness());
        if (outcome.burning()) {
            System.out.println("BUSY WAITING: the waiter burnt a CPU to do nothing but wait.");
        }
        if (outcome.late()) {
            System.out.println("LATE: the waiter only noticed the signal at its next look — latency added to every wait.");
        }
        switch (outcome.verdict()) {
            case INVARIANT_HELD -> System.out.println("The waiter used almost no CPU and woke as promptly as a parked"
                    + " thread.");
            case INCONCLUSIVE -> System.out.println("INCONCLUSIVE: " + outcome.inconclusiveReason() + ".");
            default -> { }
        }
        return outcome.verdict();
    }
}
