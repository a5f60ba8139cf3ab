package org.concurrencyhandbook.contentiondeadlock.priorityinversion;

import java.util.function.Function;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 2.4 under Fray: the section's own scenario — one worker thread that always runs the highest-priority step next, a
 * report holding the connection when an alert and 20 thumbnails arrive. The order of events is the worker's policy,
 * not a schedule: it is the same in every schedule, so Fray finds the inversion in the first, as any run would.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "2.4";

    static Stream<Fix<Function<PriorityExecutor, ExportConnection>>> wrongFixes() {
        return PriorityInversionTest.wrongFixes();
    }

    static Stream<Fix<Function<PriorityExecutor, ExportConnection>>> rightFixes() {
        return PriorityInversionTest.rightFixes();
    }

    private static Runnable alertBehindTheReport(Function<PriorityExecutor, ExportConnection> connectionOn) {
        return () -> {
            Scenario.Outcome outcome;
            try {
                outcome = Scenario.run(connectionOn);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (outcome.verdict() != Verdict.INVARIANT_HELD) {
                throw new AssertionError("the alert finished #" + outcome.alertFinishedAt() + " of "
                        + outcome.finished().size() + ", after " + outcome.thumbnailsBeforeAlert() + " thumbnails");
            }
        };
    }

    @Test
    void frayFindsTheInversion(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, alertBehindTheReport(BadExample::new), "the alert finishing after"
                + " the thumbnails, in every order — the worker's policy, not a schedule");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Function<PriorityExecutor, ExportConnection>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, alertBehindTheReport(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, alertBehindTheReport(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Function<PriorityExecutor, ExportConnection>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, alertBehindTheReport(fix.make()));
    }
}
