package org.concurrencyhandbook.syncstate.nonatomic;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.ConcurrentRounds;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every counter runs: rounds of two request threads, started together, each recording 100,000 hits on
 * one page of a fresh counter; afterwards the total and the page's count must both be 200,000.
 *
 * <p>The lost update happens inside {@code total++} and between two map calls, where no latch reaches, so the
 * scenario repeats the round. A round counts only if the two threads really ran at the same time (on a busy machine
 * they often take turns instead; on one CPU they always do), and every counter gets the same chance:
 * {@value #OVERLAPPING_ROUNDS} such rounds. A round that lost a hit ends the run — the failure shown; that many
 * overlapping rounds that lost none are the invariant held; fewer is inconclusive, and the report says why.
 */
final class Scenario {

    static final int THREADS = 2;
    static final int HITS_PER_THREAD = 100_000;
    /**
     * Thirty: in 30 rounds in which both threads really ran together, {@code BadExample}'s volatile total has lost
     * increments in all but a few percent of rounds (197 of 202 measured idle), the map in nearly all.
     */
    static final int OVERLAPPING_ROUNDS = 30;
    private static final int MAX_ROUNDS = 1_000;
    static final String PAGE = "/checkout";
    private static final Duration BUDGET = Duration.ofSeconds(4);

    private Scenario() {
    }

    /** What one round lost: increments of the total, and hits of the page's count. */
    record Lost(long increments, long pageHits) {
    }

    static ConcurrentRounds.Report<Lost> run(Supplier<HitCounter> freshCounter) throws InterruptedException {
        return new ConcurrentRounds<>(THREADS, freshCounter, (counter, thread) -> {
            for (int i = 0; i < HITS_PER_THREAD; i++) {
                counter.hit(PAGE);
            }
        }, Scenario::lost).run(OVERLAPPING_ROUNDS, MAX_ROUNDS, BUDGET);
    }

    private static Optional<Lost> lost(HitCounter counter) {
        long expected = (long) THREADS * HITS_PER_THREAD;
        Lost lost = new Lost(expected - counter.total(), expected - counter.hits(PAGE));
        return lost.increments() == 0 && lost.pageHits() == 0 ? Optional.empty() : Optional.of(lost);
    }

    /** What the damaged round lost — the round that ended the run. */
    static Lost lost(ConcurrentRounds.Report<Lost> report) {
        return report.damagedRounds().getFirst().damage().orElseThrow();
    }

    static Verdict demonstrate(String example, Supplier<HitCounter> freshCounter) throws InterruptedException {
        ConcurrentRounds.Report<Lost> report = run(freshCounter);
        long expected = (long) THREADS * HITS_PER_THREAD;
        System.out.printf("1.6 Non-atomic operations — %s%n", example);
        System.out.printf("%d threads, started together, each recorded %,d hits on %s, on a fresh counter each round.%n",
                THREADS, HITS_PER_THREAD, PAGE);
        switch (report.verdict()) {
            case FAILURE_SHOWN -> {
                Lost lost = lost(report);
                System.out.printf("LOST HITS in round %d: the total lost %,d of %,d increments; the page count lost %,d"
                        + " of %,d hits.%n", report.rounds().size(), lost.increments(), expected, lost.pageHits(), expected);
            }
            case INVARIANT_HELD -> System.out.printf("All %d rounds (%d with the threads overlapping for at least half of the"
                    + " shorter run) counted all %,d hits, in the total and for the page.%n", report.rounds().size(),
                    report.overlappedRounds(), expected);
            case INCONCLUSIVE -> System.out.printf("INCONCLUSIVE: %s.%n", report.inconclusiveReason().orElseThrow());
        }
        return report.verdict();
    }
}
