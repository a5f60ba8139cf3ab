package org.concurrencyhandbook.syncstate.nonatomic;

import static org.assertj.core.api.Assertions.assertThat;

import org.concurrencyhandbook.support.ConcurrentRounds;
import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two counters: rounds of two threads recording 100,000 hits each, started together. The bad counter
 * must lose hits — despite {@code volatile}, despite {@code ConcurrentHashMap} — before the rounds run out; the
 * good one must lose none in any round.
 */
@Timeout(120)
class NonAtomicTest {

    @Test
    void volatileIncrementAndGetThenPutLoseHits(TestReporter reporter) throws Exception {
        ConcurrentRounds.Verdict verdict = Hits.untilBothLoseHits(BadExample::new);

        assertThat(verdict.damage()).as("a round losing hits in both counts, within %d rounds", Hits.MAX_ROUNDS_TO_SHOW)
                .hasValueSatisfying(lost -> assertThat(lost).contains("increments lost").contains("page count"));
        Evidence.badShowed(reporter, "%s", verdict.damage().get());
    }

    @Test
    void atomicIncrementAndMergeCountEveryHitInEveryRound(TestReporter reporter) throws Exception {
        ConcurrentRounds.Verdict verdict = Hits.everyRound(GoodExample::new);

        assertThat(verdict.damage()).isEmpty();
        assertThat(verdict.rounds()).isEqualTo(Hits.ROUNDS);
        Evidence.goodHeld(reporter, "all %,d hits counted in each of %d rounds", Hits.THREADS * Hits.HITS_PER_THREAD, verdict.rounds());
    }
}
