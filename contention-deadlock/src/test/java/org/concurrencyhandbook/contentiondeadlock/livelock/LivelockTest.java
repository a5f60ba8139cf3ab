package org.concurrencyhandbook.contentiondeadlock.livelock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Watchdog;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.concurrencyhandbook.testkit.FlightRecording;
import org.concurrencyhandbook.testkit.LiveThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every copy room: two polite workers held in step, 100 jobs each, a watchdog on progress. The bad room
 * and the tempting wrong fixes make no job for a second while the workers are refused again and again; the good room
 * and the other fix finish every job. Judged by {@link Scenario.Outcome#verdict}, as the mains are; the scenario
 * releases its workers at the end, so none outlives the test.
 */
@Timeout(120)
class LivelockTest {

    static Stream<Fix<Function<CopyRoom.Attempt, CopyRoom>>> wrongFixes() {
        return Stream.of(Fix.of("fixed 10 ms pause before retrying", OtherRooms.FixedPauseBeforeRetrying::new));
    }

    static Stream<Fix<Function<CopyRoom.Attempt, CopyRoom>>> rightFixes() {
        return Stream.of(Fix.of("one lock for the whole room", OtherRooms.OneRoomLock::new));
    }

    @Test
    void politeWorkersInStepRetryForeverAndFinishNothing(TestReporter reporter) throws Exception {
        LiveThreads before = LiveThreads.snapshot();
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.ended()).isEqualTo(Watchdog.Outcome.Kind.NO_PROGRESS);
        assertThat(outcome.jobsDone()).isLessThan(2L * Scenario.JOBS_PER_WORKER);
        assertThat(outcome.refusedWorker1()).as("worker-1's refusals").isGreaterThanOrEqualTo(100);
        assertThat(outcome.refusedWorker2()).as("worker-2's refusals").isGreaterThanOrEqualTo(100);
        assertThat(outcome.deadlockFound()).as("ThreadMXBean sees a deadlock").isFalse();
        assertThat(before.startedSinceAndStillAlive()).as("threads left behind").isEmpty();
        Evidence.badShowed(reporter, "%d of 200 jobs done and none for a second, while the two workers were refused %,d times;"
                + " no deadlock for ThreadMXBean", outcome.jobsDone(), outcome.refused());
        Evidence.detected(reporter, "ThreadMXBean", outcome.deadlockFound(), "nobody waits for a lock: both keep trying");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStaysInStep(Fix<Function<CopyRoom.Attempt, CopyRoom>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.ended()).isEqualTo(Watchdog.Outcome.Kind.NO_PROGRESS);
        Evidence.wrongFixCaught(reporter, fix, "%d of 200 jobs done and none for a second; refused %,d times",
                outcome.jobsDone(), outcome.refused());
    }

    @Test
    void oneOrderForEveryoneFinishesEveryJobAtItsFirstAttempt(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.attempts()).isEqualTo(2L * Scenario.JOBS_PER_WORKER);
        assertThat(outcome.refused()).isZero();
        Evidence.goodHeld(reporter, "all %d jobs done in %d attempts: %d refused", outcome.jobsDone(), outcome.attempts(),
                outcome.refused());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixFinishesEveryJob(Fix<Function<CopyRoom.Attempt, CopyRoom>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "all %d jobs done, %d refused", outcome.jobsDone(), outcome.refused());
    }

    /**
     * JFR as a reader would switch it on in production ({@code -XX:StartFlightRecording}, default settings), on the
     * bad and the good main: see {@link FlightRecording}.
     */
    @Test
    void jfrShowsNoStall(TestReporter reporter) throws Exception {
        FlightRecording bad = FlightRecording.of(BadExample.class, Verdict.FAILURE_SHOWN);

        assertThat(bad.showsAStall()).as(bad.describe()).isFalse();
        Evidence.detected(reporter, "JFR", false, "no stall: no wait of 500 ms or more and no deadlock report; both"
                + " threads keep running and retrying");
    }
}
