package org.concurrencyhandbook.syncstate.readskew;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every band: a writer moves the band up 1,000 times and, in the middle of every move, a reader reads
 * it — or queues on the writer's lock — and checks that what it read is a band the writer set. Judged by
 * {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class ReadSkewTest {

    static Stream<Fix<Scenario.BandOn>> wrongFixes() {
        return Stream.of(
                Fix.of("two volatile fields, ceiling written first", OtherBands.VolatileFieldsCeilingFirst::new),
                Fix.of("synchronized writer, unsynchronized reader", OtherBands.LockedWriterOnly::new));
    }

    static Stream<Fix<Scenario.BandOn>> rightFixes() {
        return Stream.of(
                Fix.of("synchronized writer and reader", OtherBands.LockedBothSides::new),
                Fix.of("ReentrantReadWriteLock", OtherBands.ReadWriteLocked::new),
                Fix.of("StampedLock optimistic read, validated", OtherBands.StampedOptimisticRead::new));
    }

    @Test
    void aBandWrittenFieldByFieldIsSeenHalfMovedOnEveryUpdate(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.neverSet()).as("reads of a band no writer set").isEqualTo(Scenario.UPDATES);
        Evidence.badShowed(reporter, "%,d of %,d reads saw a band no writer set, e.g. %s",
                outcome.neverSet(), outcome.reads(), outcome.firstNeverSet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixIsStillSeenHalfMoved(Fix<Scenario.BandOn> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.neverSet()).isEqualTo(Scenario.UPDATES);
        Evidence.wrongFixCaught(reporter, fix, "%,d of %,d reads saw a band never set, e.g. %s",
                outcome.neverSet(), outcome.reads(), outcome.firstNeverSet());
    }

    @Test
    void aBandSwappedAsOneImmutableSnapshotIsNeverSeenBroken(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.reads()).isEqualTo(Scenario.UPDATES);
        Evidence.goodHeld(reporter, "all %,d reads mid-update saw a band the writer set", outcome.reads());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixIsNeverSeenHalfMoved(Fix<Scenario.BandOn> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.reads()).isEqualTo(Scenario.UPDATES);
        Evidence.rightFixHeld(reporter, fix, "all %,d reads mid-update saw a band the writer set", outcome.reads());
    }
}
