package org.concurrencyhandbook.contentiondeadlock.priorityinversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.concurrencyhandbook.testkit.FlightRecording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every export connection: a low-priority job holds the connection when a high-priority job that
 * needs it and 20 medium-priority jobs that do not arrive on a one-thread priority executor. Everything is queued from
 * the worker thread, so the order in which the jobs finish is the same on every run; judged by
 * {@link Scenario.Outcome#verdict()}, as the mains are.
 */
@Timeout(60)
class PriorityInversionTest {

    static Stream<Fix<Function<PriorityExecutor, ExportConnection>>> wrongFixes() {
        return Stream.of(Fix.of("raise the waiting alert's priority", OtherConnections.BoostTheWaiter::new),
                Fix.of("inherit, without re-queuing the holder's step", OtherConnections.InheritWithoutRequeue::new));
    }

    static Stream<Fix<Function<PriorityExecutor, ExportConnection>>> rightFixes() {
        return Stream.of(Fix.of("priority ceiling", OtherConnections.PriorityCeiling::new));
    }

    @Test
    void theHighPriorityJobWaitsForEveryMediumJobThroughTheLowOneItNeeds(TestReporter reporter) throws Exception {
        Scenario.Outcome bad = Scenario.run(BadExample::new);

        assertThat(bad.verdict()).as("%s", bad).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(bad.allFinished()).isTrue();
        assertThat(bad.thumbnailsBeforeAlert()).as("medium-priority jobs finished before the alert: %s", bad.finished())
                .isEqualTo(Scenario.MEDIUM_JOBS);
        assertThat(bad.finished().indexOf(Scenario.ALERT)).as("the alert finishes right after the report that held the connection")
                .isEqualTo(bad.finished().indexOf(Scenario.REPORT) + 1);
        Evidence.badShowed(reporter, "the alert (priority %d) finished #%d of %d, after all %d medium-priority jobs, waiting for"
                + " the priority-%d report they kept from running", Scenario.HIGH, bad.alertFinishedAt(), bad.finished().size(),
                bad.thumbnailsBeforeAlert(), Scenario.LOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixLeavesTheAlertBehindTheThumbnails(Fix<Function<PriorityExecutor, ExportConnection>> fix,
                                                           TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.FAILURE_SHOWN);
        Evidence.wrongFixCaught(reporter, fix, "the alert finished #%d, after %d thumbnails", outcome.alertFinishedAt(),
                outcome.thumbnailsBeforeAlert());
    }

    @Test
    void priorityInheritanceLetsTheHighPriorityJobFinishBeforeEveryMediumJob(TestReporter reporter) throws Exception {
        Scenario.Outcome good = Scenario.run(GoodExample::new);

        assertThat(good.verdict()).as("%s", good).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "the alert finished #%d, before all %d medium-priority jobs: the report inherited its priority",
                good.alertFinishedAt(), Scenario.MEDIUM_JOBS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixLetsTheAlertFinishFirst(Fix<Function<PriorityExecutor, ExportConnection>> fix,
                                                    TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "the alert finished #%d, before every thumbnail", outcome.alertFinishedAt());
    }

    /**
     * JFR as a reader would switch it on in production ({@code -XX:StartFlightRecording}, default settings), on the
     * bad and the good main: see {@link FlightRecording}.
     */
    @Test
    void jfrShowsNoStall(TestReporter reporter) throws Exception {
        FlightRecording bad = FlightRecording.of(BadExample.class, Verdict.FAILURE_SHOWN);

        assertThat(bad.showsAStall()).as(bad.describe()).isFalse();
        Evidence.detected(reporter, "JFR", false, "no stall: no wait of 500 ms or more; the alert waits in a queue,"
                + " behind jobs that all run");
    }
}
