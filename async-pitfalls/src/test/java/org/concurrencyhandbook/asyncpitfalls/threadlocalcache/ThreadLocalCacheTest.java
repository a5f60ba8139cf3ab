package org.concurrencyhandbook.asyncpitfalls.threadlocalcache;

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
 * One scenario for every stamper: ten thousand tasks, each on a virtual thread of its own, each stamping one time; the
 * formats built counted, every stamp checked. Nothing races: the same counts on every run, one CPU included. Judged by
 * {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class ThreadLocalCacheTest {

    static Stream<Fix<DateStamper.Maker>> rightFixes() {
        return OtherStampers.RIGHT_FIXES.stream();
    }

    @Test
    void aThreadLocalBuildsOneFormatPerVirtualThread(TestReporter reporter) {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.built()).isEqualTo(Scenario.TASKS);
        Evidence.badShowed(reporter, "%,d formats built for %,d tasks", outcome.built(), Scenario.TASKS);
    }

    @Test
    void removingAfterUseStillBuildsOnePerTask(TestReporter reporter) {
        Fix<DateStamper.Maker> fix = OtherStampers.REMOVE_AFTER_USE;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.built()).isEqualTo(Scenario.TASKS);
        Evidence.wrongFixCaught(reporter, fix, "%,d formats built for %,d tasks", outcome.built(), Scenario.TASKS);
    }

    @Test
    void aSharedThreadSafeFormatterBuildsNone(TestReporter reporter) {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "%d SimpleDateFormats built; %,d stamps, none wrong", outcome.built(), Scenario.TASKS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixBuildsAFew(Fix<DateStamper.Maker> fix, TestReporter reporter) {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "%d SimpleDateFormats built; %,d stamps, none wrong", outcome.built(),
                Scenario.TASKS);
    }
}
