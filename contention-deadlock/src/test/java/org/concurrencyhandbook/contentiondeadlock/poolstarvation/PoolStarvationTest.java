package org.concurrencyhandbook.contentiondeadlock.poolstarvation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
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
 * One scenario for every builder: a pool of two threads builds two reports, both report tasks running before either
 * asks for its chart. Judged by {@link Scenario.Outcome#verdict()}, as the mains are; the scenario tears its pool down
 * with {@code shutdownNow()}, and the test checks that no thread outlives it.
 */
@Timeout(120)
class PoolStarvationTest {

    static Stream<Fix<BiFunction<ExecutorService, ReportBuilder.ReportStarted, ReportBuilder>>> wrongFixes() {
        return Stream.of(
                Fix.of("CompletableFuture.supplyAsync(chart, pool).join()", OtherBuilders.SupplyAsyncThenJoin::new),
                Fix.of("Future.get(500 ms)", OtherBuilders.GetWithTimeout::new));
    }

    static Stream<Fix<BiFunction<ExecutorService, ReportBuilder.ReportStarted, ReportBuilder>>> rightFixes() {
        return Stream.of(Fix.of("charts on their own virtual threads", OtherBuilders.ChartsOnTheirOwnVirtualThreads::new));
    }

    @Test
    void tasksThatBlockOnSubtasksInTheirOwnPoolStarveIt(TestReporter reporter) throws Exception {
        LiveThreads before = LiveThreads.snapshot();
        Scenario.Outcome bad = Scenario.run(BadExample::new);

        assertThat(bad.verdict()).as("%s", bad).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(bad.built()).isEmpty();
        assertThat(bad.busy()).as("busy pool threads").isEqualTo(Scenario.POOL_SIZE);
        assertThat(bad.queued()).as("queued tasks").isPositive();
        assertThat(bad.waitingIn()).containsOnly("FutureTask.get");
        assertThat(bad.deadlockFound()).as("ThreadMXBean sees a deadlock").isFalse();
        assertThat(bad.endedByInterrupts()).as("shutdownNow()'s interrupts ended every pool thread").isTrue();
        assertThat(before.startedSinceAndStillAlive()).as("threads left behind").isEmpty();
        Evidence.badShowed(reporter, "all %d pool threads waiting in %s, %d tasks queued that never ran; no deadlock for ThreadMXBean",
                bad.busy(), bad.waitingIn().getFirst(), bad.neverRan());
        Evidence.detected(reporter, "ThreadMXBean", bad.deadlockFound(), "the pool threads wait on futures, not on locks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillStarvesThePool(Fix<BiFunction<ExecutorService, ReportBuilder.ReportStarted, ReportBuilder>> fix,
                                              TestReporter reporter) throws Exception {
        LiveThreads before = LiveThreads.snapshot();
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(before.startedSinceAndStillAlive()).as("threads left behind").isEmpty();
        assertThat(outcome.poolEnded()).isTrue();
        Evidence.wrongFixCaught(reporter, fix, "%d of 2 reports built; %s", outcome.built().size(), outcome.failed().isEmpty()
                ? "pool threads waiting in " + outcome.waitingIn() + (outcome.endedByInterrupts() ? "" : ", deaf to shutdownNow()")
                : outcome.failed().size() + " failed: " + outcome.failed().getFirst());
    }

    @Test
    void nonBlockingCompositionBuildsEveryReportOnTheSamePool(TestReporter reporter) throws Exception {
        Scenario.Outcome good = Scenario.run(GoodExample::new);

        assertThat(good.verdict()).as("%s", good).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(good.built()).isEqualTo(Scenario.EXPECTED);
        Evidence.goodHeld(reporter, "a pool of %d threads built %s", Scenario.POOL_SIZE, good.built());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixBuildsEveryReport(Fix<BiFunction<ExecutorService, ReportBuilder.ReportStarted, ReportBuilder>> fix,
                                              TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "built %s", outcome.built());
    }

    /**
     * JFR as a reader would switch it on in production ({@code -XX:StartFlightRecording}, default settings), on the
     * bad and the good main: see {@link FlightRecording}.
     */
    @Test
    void jfrRecordsNoWaitWhileThePoolIsStuckAndNoDeadlock(TestReporter reporter) throws Exception {
        FlightRecording bad = FlightRecording.of(BadExample.class, Verdict.FAILURE_SHOWN);

        // The only long parks in the recording are those the scenario itself ended when it gave up (shutdownNow()
        // interrupts the stuck pool threads): in production nothing would end them, and JFR would commit none.
        assertThat(bad.longWaits()).as(bad.describe()).allMatch(wait -> wait.on().equals(FutureTask.class.getName()));
        assertThat(bad.deadlockReport()).as(bad.describe()).isEmpty();
        Evidence.detected(reporter, "JFR", false, "no event while the pool threads wait: a park is committed when it"
                + " ends, and only the demo's own teardown ends these; its thread dump reports no deadlock");
    }
}
