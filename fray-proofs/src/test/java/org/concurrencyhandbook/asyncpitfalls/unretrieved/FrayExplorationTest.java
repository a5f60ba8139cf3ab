package org.concurrencyhandbook.asyncpitfalls.unretrieved;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 4.3 under Fray, with no hint: the scenario's four uploads — b.csv's parse fails, d.csv's store fails — each chain
 * run on the common pool in whatever order Fray picks. The scenario's invariant: every failure thrown reaches the
 * error channel. The caller waits for the reports with a time-out, which Fray lets run out only once no other thread
 * can run — once every chain has ended — where the scenario's own test waits for the steps and then a grace period.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "4.3";
    private static final long UNTIL_NOTHING_ELSE_RUNS_SECONDS = 1;
    /** The parse of b.csv and the store of d.csv. */
    private static final int FAILURES = 2;

    static Stream<Fix<UploadHandler.Maker>> wrongFixes() {
        return Stream.of(OtherHandlers.EXCEPTIONALLY_ON_THE_FIRST_STAGE, OtherHandlers.WHEN_COMPLETE_ON_A_FORKED_STAGE);
    }

    static Stream<Fix<UploadHandler.Maker>> rightFixes() {
        return UnretrievedExceptionTest.rightFixes();
    }

    private static Runnable theUploads(UploadHandler.Maker maker) {
        return () -> {
            List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
            List<Throwable> reported = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch everyFailureReported = new CountDownLatch(FAILURES);
            UploadHandler.Steps steps = Scenario.failingSteps(thrown, () -> { });
            UploadHandler handler = maker.make(steps, failure -> {
                reported.add(failure);
                everyFailureReported.countDown();
            });
            Scenario.FILES.forEach(handler::onUpload);
            try {
                everyFailureReported.await(UNTIL_NOTHING_ELSE_RUNS_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException("the caller was interrupted", e);
            }
            Scenario.Outcome outcome = new Scenario.Outcome(List.copyOf(thrown), List.copyOf(reported), 0);
            assertThat(outcome.thrown()).as("the failures the steps threw").hasSizeGreaterThanOrEqualTo(FAILURES);
            assertThat(outcome.lost()).as("failures thrown that never reached the error channel").isEmpty();
        };
    }

    @Test
    void frayFindsTheLostFailures(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, theUploads(BadExample::new),
                "the failures left in futures nobody asks, in every order");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<UploadHandler.Maker> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, theUploads(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, theUploads(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<UploadHandler.Maker> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, theUploads(fix.make()));
    }
}
