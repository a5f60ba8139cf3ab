package org.concurrencyhandbook.contentiondeadlock.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two jobs: three workers meet before merging, and shard 2 fails before the meeting point. Workers still
 * waiting after two seconds are released by interruption inside the scenario, so nothing outlives the test.
 */
@Timeout(60)
class BarrierTest {

    @Test
    void aCyclicBarrierAwaitedWithoutATimeOutHoldsEveryOtherWorkerForEver(TestReporter reporter) throws Exception {
        Shards.Outcome outcome = Shards.run(BadExample::new);

        assertThat(outcome.stillWaiting()).as("workers still waiting at the limit").containsExactly("worker-1", "worker-3");
        assertThat(outcome.failed()).containsOnlyKeys(Shards.FAILING_SHARD);
        assertThat(outcome.merged()).isEmpty();
        assertThat(outcome.dump()).contains("at java.util.concurrent.CyclicBarrier.await");
        Evidence.badShowed(reporter, "%d of %d workers still waiting at the barrier after 2 s, nothing merged; the failure: %s",
                outcome.stillWaiting().size(), Shards.WORKERS, outcome.failed().get(Shards.FAILING_SHARD));
    }

    @Test
    void aPhaserThatTheFailedWorkerLeavesLetsEveryWorkerReturnAndReportsTheFailure(TestReporter reporter) throws Exception {
        Shards.Outcome outcome = Shards.run(GoodExample::new);

        assertThat(outcome.stillWaiting()).isEmpty();
        assertThat(outcome.merged()).containsExactlyInAnyOrder(1, 3);
        assertThat(outcome.failed()).containsOnlyKeys(Shards.FAILING_SHARD);
        Evidence.goodHeld(reporter, "every worker returned: shards %s merged, shard %d's failure reported",
                outcome.merged().stream().sorted().toList(), Shards.FAILING_SHARD);
    }
}
