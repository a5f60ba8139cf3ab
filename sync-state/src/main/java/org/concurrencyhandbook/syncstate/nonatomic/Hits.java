package org.concurrencyhandbook.syncstate.nonatomic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.ConcurrentRounds;

/**
 * The scenario both examples run: two request threads, started together, each record 100,000 hits on one page of a
 * fresh counter; afterwards the total and the page's count must both be 200,000.
 *
 * <p>The lost update happens inside {@code total++} and between two map calls, where no latch reaches, so the
 * scenario repeats the round: the bad run stops at the first round that lost hits in both counts (it may take many on
 * a busy machine, where the two threads often run one after the other instead of at once), the good run does all
 * {@value #ROUNDS} rounds and must be exact in every one.
 */
final class Hits {

    static final int THREADS = 2;
    static final int HITS_PER_THREAD = 100_000;
    static final int ROUNDS = 50;
    static final int MAX_ROUNDS_TO_SHOW = 1_000;
    static final String PAGE = "/checkout";
    private static final Duration BUDGET = Duration.ofSeconds(8);

    private Hits() {
    }

    private static ConcurrentRounds<HitCounter> rounds(Supplier<HitCounter> freshCounter, int brokenCountersNeeded) {
        return new ConcurrentRounds<>(THREADS, freshCounter, (counter, thread) -> {
            for (int i = 0; i < HITS_PER_THREAD; i++) {
                counter.hit(PAGE);
            }
        }, counter -> damage(counter, brokenCountersNeeded));
    }

    /** What the round lost, if at least {@code brokenCountersNeeded} of the two counts (total, page) are wrong. */
    private static Optional<String> damage(HitCounter counter, int brokenCountersNeeded) {
        long expected = (long) THREADS * HITS_PER_THREAD;
        List<String> lost = new ArrayList<>();
        if (counter.total() != expected) {
            lost.add(String.format("total %,d of %,d (%,d increments lost)", counter.total(), expected, expected - counter.total()));
        }
        if (counter.hits(PAGE) != expected) {
            lost.add(String.format("page count %,d of %,d (%,d lost)", counter.hits(PAGE), expected, expected - counter.hits(PAGE)));
        }
        return lost.size() < brokenCountersNeeded || lost.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", lost));
    }

    /** Rounds until one loses hits in both counts: the volatile total and the concurrent map. */
    static ConcurrentRounds.Verdict untilBothLoseHits(Supplier<HitCounter> freshCounter) throws InterruptedException {
        return rounds(freshCounter, 2).untilDamage(MAX_ROUNDS_TO_SHOW, BUDGET);
    }

    /** Every round; the first that lost any hit, in either count. */
    static ConcurrentRounds.Verdict everyRound(Supplier<HitCounter> freshCounter) throws InterruptedException {
        return rounds(freshCounter, 1).all(ROUNDS);
    }

    static int demonstrate(String example, Supplier<HitCounter> freshCounter) throws InterruptedException {
        ConcurrentRounds.Verdict verdict = untilBothLoseHits(freshCounter);
        System.out.printf("1.6 Non-atomic operations — %s%n", example);
        System.out.printf("%d threads, started together, each recorded %,d hits on %s; %d round(s) run.%n",
                THREADS, HITS_PER_THREAD, PAGE, verdict.rounds());
        if (verdict.damage().isPresent()) {
            System.out.printf("LOST HITS: %s.%n", verdict.damage().get());
            return 1;
        }
        System.out.printf("Every round counted all %,d hits, in the total and for the page.%n", THREADS * HITS_PER_THREAD);
        return 0;
    }
}
