package org.concurrencyhandbook.contentiondeadlock.resourcepool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Semaphore;
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
 * One scenario for every borrower: four tasks, a pool of four connections, two connections per copy, every task holding
 * what it took first until the others hold theirs or are blocked. Judged by {@link Scenario.Outcome#verdict()}, as the
 * mains are; the scenario interrupts its tasks at the end, so none outlives the test.
 */
@Timeout(120)
class ResourcePoolTest {

    static Stream<Fix<Function<PairBorrower.FirstConnectionHeld, PairBorrower>>> wrongFixes() {
        return Stream.of(
                Fix.of("tryAcquire(20 ms) retried, first kept", OtherBorrowers.RetrySecondKeepingTheFirst::new),
                Fix.of("tryAcquire(20 ms), then give up", OtherBorrowers.GiveUpOnTheSecond::new));
    }

    static Stream<Fix<Function<PairBorrower.FirstConnectionHeld, PairBorrower>>> rightFixes() {
        return Stream.of(
                Fix.of("tryAcquire(20 ms), release first, back off", OtherBorrowers.ReleaseFirstBackOffRetry::new),
                Fix.of("a gate of pool − 1 tasks", OtherBorrowers.GateOfThreeTasks::new));
    }

    @Test
    void takingConnectionsOneAtATimeLeavesEveryTaskHoldingOneAndWaitingForAnother(TestReporter reporter) throws Exception {
        LiveThreads before = LiveThreads.snapshot();
        Scenario.Outcome bad = Scenario.run(BadExample::new);

        assertThat(bad.verdict()).as("%s", bad).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(bad.ended()).isEqualTo(Watchdog.Outcome.Kind.NO_PROGRESS);
        assertThat(bad.copied()).isZero();
        assertThat(bad.freeConnections()).isZero();
        assertThat(bad.waitingForPermit()).isEqualTo(Scenario.TASKS);
        assertThat(bad.holders()).containsOnlyKeys("copier-1", "copier-2", "copier-3", "copier-4");
        assertThat(bad.holders().values()).allSatisfy(held -> assertThat(held).hasSize(1));
        assertThat(bad.deadlockFound()).as("ThreadMXBean sees a deadlock").isFalse();
        assertThat(before.startedSinceAndStillAlive()).as("threads left behind").isEmpty();
        Evidence.badShowed(reporter, "%s after %d ms: %d copies, %d of %d connections free, %d tasks waiting for a permit,"
                + " each holding one (%s); ThreadMXBean: no deadlock", bad.ended(), bad.after().toMillis(), bad.copied(),
                bad.freeConnections(), Scenario.CONNECTIONS, bad.waitingForPermit(), bad.holders());
        Evidence.detected(reporter, "ThreadMXBean", bad.deadlockFound(), "a semaphore has no owner");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillFailsAtPeakLoad(Fix<Function<PairBorrower.FirstConnectionHeld, PairBorrower>> fix,
                                               TestReporter reporter) throws Exception {
        LiveThreads before = LiveThreads.snapshot();
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(before.startedSinceAndStillAlive()).as("threads left behind").isEmpty();
        Evidence.wrongFixCaught(reporter, fix, "%s after %d ms: %,d of %,d copies, %d tasks gave up%s", outcome.ended(),
                outcome.after().toMillis(), outcome.copied(), Scenario.TASKS * Scenario.COPIES_PER_TASK, outcome.gaveUp().size(),
                outcome.gaveUp().values().stream().findFirst().map(failure -> " (" + failure.getMessage() + ")").orElse(""));
    }

    @Test
    void takingBothConnectionsAtOnceLetsEveryCopyComplete(TestReporter reporter) throws Exception {
        Scenario.Outcome good = Scenario.run(GoodExample::new);

        assertThat(good.verdict()).as("%s", good).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(good.freeConnections()).isEqualTo(Scenario.CONNECTIONS);
        Evidence.goodHeld(reporter, "all %,d copies completed in %d ms", good.copied(), good.after().toMillis());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixCompletesEveryCopy(Fix<Function<PairBorrower.FirstConnectionHeld, PairBorrower>> fix,
                                               TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.holders()).isEqualTo(Map.of());
        Evidence.rightFixHeld(reporter, fix, "all %,d copies in %d ms", outcome.copied(), outcome.after().toMillis());
    }

    /**
     * JFR as a reader would switch it on in production ({@code -XX:StartFlightRecording}, default settings), on the
     * bad and the good main: see {@link FlightRecording}.
     */
    @Test
    void jfrRecordsNoWaitWhileTheCopiersAreStuckAndNoDeadlock(TestReporter reporter) throws Exception {
        FlightRecording bad = FlightRecording.of(BadExample.class, Verdict.FAILURE_SHOWN);

        // The only long parks in the recording are those the scenario itself ended when it gave up (it interrupts
        // the stuck copiers): in production nothing would end them, and JFR would commit none.
        assertThat(bad.longWaits()).as(bad.describe()).allMatch(wait -> wait.on().startsWith(Semaphore.class.getName()));
        assertThat(bad.deadlockReport()).as(bad.describe()).isEmpty();
        Evidence.detected(reporter, "JFR", false, "no event while the copiers wait: a park is committed when it ends,"
                + " and only the demo's own teardown ends these; its thread dump reports no deadlock");
    }
}
