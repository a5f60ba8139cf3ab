package org.concurrencyhandbook.asyncpitfalls.unretrieved;

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
 * One scenario for every handler: four uploads, a parse that fails and a store that fails, on the common pool; the
 * failures the steps threw against those the error channel received, once the pool is quiet. Nothing races: the same
 * failures on every run, one CPU included. Judged by {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class UnretrievedExceptionTest {

    static Stream<Fix<UploadHandler.Maker>> rightFixes() {
        return OtherHandlers.RIGHT_FIXES.stream();
    }

    @Test
    void aChainWithNothingAtItsEndLosesEveryFailureSilently(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.thrown()).hasSize(2);
        assertThat(outcome.reported()).isEmpty();
        assertThat(outcome.uncaughtHandlerCalls()).as("a stage's exception is caught by the stage").isZero();
        Evidence.badShowed(reporter, "%d failures thrown, %d reported, the uncaught-exception handler called %d times",
                outcome.thrown().size(), outcome.reported().size(), outcome.uncaughtHandlerCalls());
    }

    @Test
    void exceptionallyOnTheFirstStageLosesTheStoreAndStoresANull(TestReporter reporter) throws Exception {
        Fix<UploadHandler.Maker> fix = OtherHandlers.EXCEPTIONALLY_ON_THE_FIRST_STAGE;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.lost()).containsExactlyInAnyOrder("storing d.csv: disk full",
                "storing: nothing to store, a failed parse's null");
        Evidence.wrongFixCaught(reporter, fix, "the parse's failure reported; lost: %s", outcome.lost());
    }

    @Test
    void whenCompleteOnAForkedStageLosesTheStore(TestReporter reporter) throws Exception {
        Fix<UploadHandler.Maker> fix = OtherHandlers.WHEN_COMPLETE_ON_A_FORKED_STAGE;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.lost()).containsExactly("storing d.csv: disk full");
        Evidence.wrongFixCaught(reporter, fix, "the parse's failure reported; lost: %s", outcome.lost());
    }

    @Test
    void aHandlerAtTheEndReportsEveryFailure(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "%d failures thrown, %d reported", outcome.thrown().size(), outcome.reported().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixReportsEveryFailure(Fix<UploadHandler.Maker> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "%d failures thrown, %d reported", outcome.thrown().size(),
                outcome.reported().size());
    }
}
