package org.concurrencyhandbook.asyncpitfalls.earlyexit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
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
 * One scenario for every batch, each in a JVM of its own: eight items of 200 ms in the background, a main that
 * returns, and the results counted after the JVM ended. A main that does not wait ends the JVM long before the first
 * item finishes: the same counts on every run, one CPU included. Judged by {@link Scenario.Outcome#verdict}, as the
 * mains are.
 */
@Timeout(60)
class EarlyExitTest {

    static Stream<Fix<Supplier<Batch>>> wrongFixes() {
        return OtherBatches.WRONG_FIXES.stream();
    }

    static Stream<Fix<Supplier<Batch>>> rightFixes() {
        return OtherBatches.RIGHT_FIXES.stream();
    }

    @Test
    void theJvmEndsWithTheWorkOnTheCommonPoolUnfinished(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample.class.getName());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.exitStatus()).as("nothing failed, as far as the JVM knows").isZero();
        assertThat(outcome.written()).isLessThan(Scenario.ITEMS);
        Evidence.badShowed(reporter, "exit status %d, %d of %d results written", outcome.exitStatus(), outcome.written(),
                outcome.started());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void everyTemptingWrongFixEndsTheJvmEarly(Fix<Supplier<Batch>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(OtherBatches.class.getName(), fix.name());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.written()).isLessThan(Scenario.ITEMS);
        Evidence.wrongFixCaught(reporter, fix, "exit status %d, %d of %d results written", outcome.exitStatus(),
                outcome.written(), outcome.started());
    }

    @Test
    void closingTheExecutorWaitsForEveryItem(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample.class.getName());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "exit status %d, all %d results written", outcome.exitStatus(), outcome.written());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixWaitsForEveryItem(Fix<Supplier<Batch>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(OtherBatches.class.getName(), fix.name());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "exit status %d, all %d results written", outcome.exitStatus(),
                outcome.written());
    }
}
