package org.concurrencyhandbook.contentiondeadlock.aliencall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.concurrencyhandbook.testkit.FlightRecording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every feed: a publisher and a rebalancer, each holding its first lock until the other holds its own
 * or is blocked. A monitor deadlock can never be undone, so every feed runs in a JVM of its own — the examples in their
 * mains, the other fixes in {@link OtherFeeds#main} — and hands back what it measured as
 * {@link org.concurrencyhandbook.support.Facts}, judged by {@link Scenario.Outcome#verdict()}.
 */
@Timeout(120)
class AlienCallTest {

    static Stream<Fix<Function<PriceFeed.FirstLockHeld, PriceFeed>>> wrongFixes() {
        return OtherFeeds.WRONG_FIXES.stream();
    }

    static Stream<Fix<Function<PriceFeed.FirstLockHeld, PriceFeed>>> rightFixes() {
        return OtherFeeds.RIGHT_FIXES.stream();
    }

    @Test
    void notifyingListenersUnderTheFeedsLockDeadlocksThroughTheCallback(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = ChildJvm.of(BadExample.class).collectingFacts().run();

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        assertDeadlockThroughTheCallback(bad, "BadExample");
        Evidence.badShowed(reporter, "DEADLOCK after %s ms, cycle %s: the publisher blocked in %s, called under the feed's lock",
                bad.fact("afterMillis"), bad.fact("cycle"), bad.fact("publisher.blockedIn"));
        Evidence.detected(reporter, "ThreadMXBean", bad.fact("ended").equals("DEADLOCK"),
                "findDeadlockedThreads() names the cycle through the callback");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillCallsTheListenerUnderTheLock(Fix<Function<PriceFeed.FirstLockHeld, PriceFeed>> fix,
                                                            TestReporter reporter) throws Exception {
        ChildJvm.Result run = ChildJvm.of(OtherFeeds.class).args(fix.name()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.FAILURE_SHOWN);
        assertDeadlockThroughTheCallback(run, run.fact("rebalancer.waitsFor"));
        Evidence.wrongFixCaught(reporter, fix, "DEADLOCK after %s ms, the publisher blocked in Portfolio.onPrice",
                run.fact("afterMillis"));
    }

    @Test
    void openCallsLetEveryPublicationAndEveryRebalanceComplete(TestReporter reporter) throws Exception {
        ChildJvm.Result good = ChildJvm.of(GoodExample.class).collectingFacts().run();

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(good.longFact("published")).isEqualTo(Scenario.STEPS);
        assertThat(good.longFact("rebalances")).isEqualTo(Scenario.STEPS);
        Evidence.goodHeld(reporter, "all %,d prices published and %,d rebalances done in %s ms", good.longFact("published"),
                good.longFact("rebalances"), good.fact("afterMillis"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixCompletesEveryStep(Fix<Function<PriceFeed.FirstLockHeld, PriceFeed>> fix, TestReporter reporter)
            throws Exception {
        ChildJvm.Result run = ChildJvm.of(OtherFeeds.class).args(fix.name()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "%,d prices published and %,d rebalances in %s ms", run.longFact("published"),
                run.longFact("rebalances"), run.fact("afterMillis"));
    }

    /**
     * The cycle: the publisher, inside the listener's {@code onPrice}, waits for the portfolio; the rebalancer, holding
     * the portfolio, waits for the feed (whose class, a wrong fix's, is {@code feedClass}) in {@code latest()}.
     */
    private static void assertDeadlockThroughTheCallback(ChildJvm.Result run, String feedClass) {
        assertThat(run.fact("ended")).as(run.describe()).isEqualTo("DEADLOCK");
        assertThat(run.fact("cycle")).isIn("publisher -> rebalancer", "rebalancer -> publisher");
        assertThat(run.fact("publisher.waitsFor")).isEqualTo("Portfolio");
        assertThat(run.fact("publisher.blockedIn")).isEqualTo("Portfolio.onPrice");
        assertThat(run.fact("rebalancer.waitsFor")).isEqualTo(feedClass);
        assertThat(run.fact("rebalancer.blockedIn")).isEqualTo(feedClass + ".latest");
    }

    /**
     * JFR as a reader would switch it on in production ({@code -XX:StartFlightRecording}, default settings), on the
     * bad and the good main: see {@link FlightRecording}.
     */
    @Test
    void jfrReportsTheDeadlockOnlyInTheThreadDumpItTakes(TestReporter reporter) throws Exception {
        FlightRecording bad = FlightRecording.of(BadExample.class, Verdict.FAILURE_SHOWN);
        FlightRecording good = FlightRecording.of(GoodExample.class, Verdict.INVARIANT_HELD);

        assertThat(bad.deadlockReport()).as(bad.describe()).hasValueSatisfying(report -> assertThat(report)
                .contains("\"publisher\"", "\"rebalancer\""));
        assertThat(bad.waits()).as("a monitor never entered commits no jdk.JavaMonitorEnter")
                .noneMatch(wait -> wait.event().equals("jdk.JavaMonitorEnter") && !wait.thread().equals("main"));
        assertThat(good.showsAStall()).as(good.describe()).isFalse();
        Evidence.detected(reporter, "JFR", true, "only in the thread dump it takes as a chunk ends (jdk.ThreadDump: at exit, or on jcmd JFR.dump),"
                + " which reports the deadlock through the callback; no jdk.JavaMonitorEnter event");
    }
}
