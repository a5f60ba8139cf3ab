package org.concurrencyhandbook.asyncpitfalls.cancel;

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
 * One scenario for every exporter: ten rows, each let through by the scenario; a cancel while the export waits for
 * row 4; then every remaining row let through at once, and the rows written after the cancel counted a second later.
 * Judged by {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class CancelTest {

    static Stream<Fix<Supplier<Exporter>>> rightFixes() {
        return OtherExporters.RIGHT_FIXES.stream();
    }

    @Test
    void aCancelledCompletableFutureLeavesTheWorkRunning(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.saidCancelled()).as("the future says it was cancelled").isTrue();
        assertThat(outcome.writtenAfter()).isEqualTo(Scenario.ROWS - Scenario.BEFORE_CANCEL);
        Evidence.badShowed(reporter, "isCancelled() true, and %d rows written after the cancel", outcome.writtenAfter());
    }

    @Test
    void anExecutorOfItsOwnDoesNotHelpTheFuture(TestReporter reporter) throws Exception {
        Fix<Supplier<Exporter>> fix = OtherExporters.OWN_EXECUTOR;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.writtenAfter()).isEqualTo(Scenario.ROWS - Scenario.BEFORE_CANCEL);
        Evidence.wrongFixCaught(reporter, fix, "isCancelled() %s, and %d rows written after the cancel",
                outcome.saidCancelled(), outcome.writtenAfter());
    }

    @Test
    void aTokenStopsTheWorkAfterTheRowInProgress(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.writtenAfter()).as("the row in progress").isEqualTo(1);
        Evidence.goodHeld(reporter, "isCancelled() true, %d rows written after the cancel", outcome.writtenAfter());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixStopsTheWork(Fix<Supplier<Exporter>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "isCancelled() %s, %d row(s) written after the cancel",
                outcome.saidCancelled(), outcome.writtenAfter());
    }
}
