package org.concurrencyhandbook.syncstate.nonatomic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.ConcurrentRounds;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Conclusive;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every counter: two threads recording 100,000 hits each, started together, until thirty rounds have
 * run with the threads really overlapping. The bad counter must lose hits — despite {@code volatile}, despite
 * {@code ConcurrentHashMap}; each tempting half fix must lose hits in the count it left broken; the good
 * counter and every fix the GUIDE recommends must lose none. Judged by {@link Scenario#run}, as the mains are.
 */
@Timeout(120)
class NonAtomicTest {

    static Stream<Fix<Supplier<HitCounter>>> wrongFixes() {
        return Stream.of(
                Fix.of("atomic total, get-then-put on a ConcurrentHashMap", OtherCounters.AtomicTotalGetThenPut::new),
                Fix.of("volatile total, merge on the map", OtherCounters.VolatileTotalMerge::new),
                Fix.of("get-then-put on a Collections.synchronizedMap", OtherCounters.SynchronizedMapGetThenPut::new));
    }

    static Stream<Fix<Supplier<HitCounter>>> rightFixes() {
        return Stream.of(
                Fix.of("synchronized hit()", OtherCounters.SynchronizedHit::new),
                Fix.of("LongAdder total, computeIfAbsent(LongAdder) per page", OtherCounters.LongAdders::new));
    }


    @Test
    void volatileIncrementAndGetThenPutLoseHits(TestReporter reporter) throws Exception {
        ConcurrentRounds.Report<Scenario.Lost> report = Conclusive.orSkip(Scenario.run(BadExample::new));

        assertThat(report.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        Scenario.Lost lost = Scenario.lost(report);
        Evidence.badShowed(reporter, "round %d lost %,d increments of the total and %,d of the page count",
                report.rounds().size(), lost.increments(), lost.pageHits());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingHalfFixStillLosesHits(Fix<Supplier<HitCounter>> fix, TestReporter reporter) throws Exception {
        ConcurrentRounds.Report<Scenario.Lost> report = Conclusive.orSkip(Scenario.run(fix.make()));

        assertThat(report.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        Scenario.Lost lost = Scenario.lost(report);
        Evidence.wrongFixCaught(reporter, fix, "round %d lost %,d increments, %,d page hits",
                report.rounds().size(), lost.increments(), lost.pageHits());
    }

    @Test
    void atomicIncrementAndMergeCountEveryHitInEveryRound(TestReporter reporter) throws Exception {
        ConcurrentRounds.Report<Scenario.Lost> report = Conclusive.orSkip(Scenario.run(GoodExample::new));

        assertThat(report.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "all %,d hits counted in each of %d overlapping rounds",
                Scenario.THREADS * Scenario.HITS_PER_THREAD, report.overlappedRounds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixCountsEveryHit(Fix<Supplier<HitCounter>> fix, TestReporter reporter) throws Exception {
        ConcurrentRounds.Report<Scenario.Lost> report = Conclusive.orSkip(Scenario.run(fix.make()));

        assertThat(report.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "all hits counted in %d overlapping rounds", report.overlappedRounds());
    }
}
