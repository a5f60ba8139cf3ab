package org.concurrencyhandbook.contentiondeadlock.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CyclicBarrier;
import java.util.function.IntFunction;
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
 * One scenario for every job: three workers meet before merging, and shard 2 fails before the meeting point. The
 * invariant is that every worker returns and the failure is reported — merging the rest or failing the whole job are
 * both policies a fix may choose. Workers still waiting after two seconds are released by interruption inside the
 * scenario, so nothing outlives the test. Judged by {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class BarrierTest {

    @Test
    void aCyclicBarrierAwaitedWithoutATimeOutHoldsEveryOtherWorkerForEver(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.stillWaiting()).as("workers still waiting at the limit").containsExactly("worker-1", "worker-3");
        assertThat(outcome.failed()).containsOnlyKeys(Scenario.FAILING_SHARD);
        assertThat(outcome.merged()).isEmpty();
        assertThat(outcome.waits()).hasSize(2).allMatch(line -> line.contains("waits in CyclicBarrier.await"));
        Evidence.badShowed(reporter, "%d of %d workers still waiting at the barrier after 2 s, nothing merged; the failure: %s",
                outcome.stillWaiting().size(), Scenario.WORKERS, outcome.failed().get(Scenario.FAILING_SHARD));
    }

    static Stream<Fix<IntFunction<ShardedJob>>> wrongFixes() {
        return Stream.of(
                Fix.of("Phaser, failed worker does not deregister", OtherJobs.PhaserWithoutDeregistering::new),
                Fix.of("CountDownLatch counted down after the work", OtherJobs.LatchCountedDownAfterTheWork::new));
    }

    static Stream<Fix<IntFunction<ShardedJob>>> rightFixes() {
        return Stream.of(
                Fix.of("CyclicBarrier.await(timeout), broken for all", OtherJobs.BarrierWithTimeout::new),
                Fix.of("CountDownLatch counted down in finally, await(timeout)", OtherJobs.LatchCountedDownInFinally::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillHoldsTheOtherWorkersForEver(Fix<IntFunction<ShardedJob>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.stillWaiting()).containsExactly("worker-1", "worker-3");
        Evidence.wrongFixCaught(reporter, fix, "%s still waiting after 2 s", outcome.stillWaiting());
    }

    @Test
    void aPhaserThatTheFailedWorkerLeavesLetsEveryWorkerReturnAndReportsTheFailure(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.stillWaiting()).isEmpty();
        assertThat(outcome.merged()).containsExactlyInAnyOrder(1, 3);
        assertThat(outcome.failed()).containsOnlyKeys(Scenario.FAILING_SHARD);
        Evidence.goodHeld(reporter, "every worker returned: shards %s merged, shard %d's failure reported",
                outcome.merged().stream().sorted().toList(), Scenario.FAILING_SHARD);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixLetsEveryWorkerReturnAndReportsTheFailure(Fix<IntFunction<ShardedJob>> fix, TestReporter reporter)
            throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.failed()).containsKey(Scenario.FAILING_SHARD);
        Evidence.rightFixHeld(reporter, fix, "every worker returned; merged %s; failed %s",
                outcome.merged().stream().sorted().toList(), outcome.failed().keySet().stream().sorted().toList());
    }

    static Stream<Fix<IntFunction<ShardedJob>>> everyFixThatHolds() {
        return Stream.concat(Stream.of(Fix.of("GoodExample", GoodExample::new)), rightFixes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFixThatHolds")
    void everyFixHoldsWhenTheShardFailsWithAnErrorToo(Fix<IntFunction<ShardedJob>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make(), Scenario.Failure.ERROR);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.failed().get(Scenario.FAILING_SHARD)).startsWith("java.lang.AssertionError");
        Evidence.rightFixHeld(reporter, Fix.of(fix.name() + ", shard failing with an Error", fix.make()),
                "every worker returned; failed %s", outcome.failed().keySet());
    }

    @Test
    void aPhaserLeftOnlyInCatchExceptionHoldsTheOthersWhenTheShardFailsWithAnError(TestReporter reporter) throws Exception {
        Fix<IntFunction<ShardedJob>> fix = Fix.of("Phaser left in catch (Exception), shard failing with an Error",
                OtherJobs.PhaserLeftOnlyOnAnException::new);
        Scenario.Outcome withAnException = Scenario.run(fix.make(), Scenario.Failure.EXCEPTION);
        Scenario.Outcome withAnError = Scenario.run(fix.make(), Scenario.Failure.ERROR);

        assertThat(withAnException.verdict()).as("it looks right while shards fail with exceptions").isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(withAnError.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(withAnError.stillWaiting()).containsExactly("worker-1", "worker-3");
        Evidence.wrongFixCaught(reporter, fix, "%s still waiting after 2 s (with an exception, every worker returned)",
                withAnError.stillWaiting());
    }

    /**
     * JFR as a reader would switch it on in production ({@code -XX:StartFlightRecording}, default settings), on the
     * bad and the good main: see {@link FlightRecording}.
     */
    @Test
    void jfrRecordsNoWaitWhileTheWorkersAreStuckAndNoDeadlock(TestReporter reporter) throws Exception {
        FlightRecording bad = FlightRecording.of(BadExample.class, Verdict.FAILURE_SHOWN);

        // The only long parks in the recording are those the scenario itself ended when it gave up (it interrupts
        // the waiting workers): in production nothing would end them, and JFR would commit none.
        assertThat(bad.longWaits()).as(bad.describe()).allMatch(wait -> wait.inClass(CyclicBarrier.class.getName()));
        assertThat(bad.deadlockReport()).as(bad.describe()).isEmpty();
        Evidence.detected(reporter, "JFR", false, "no event while the workers wait in the barrier: a park is committed"
                + " when it ends, and only the demo's own teardown ends these; its thread dump reports no deadlock");
    }
}
