package org.concurrencyhandbook.contentiondeadlock.resourcepool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.testkit.Demos.runMain;

import org.concurrencyhandbook.support.ChildJvm;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two borrowers: four tasks, a pool of four connections, two connections per copy, every task holding
 * what it took first until the others hold theirs or are blocked. Run in the mains, each in a child JVM.
 */
@Timeout(120)
class ResourcePoolTest {

    @Test
    void takingConnectionsOneAtATimeLeavesEveryTaskHoldingOneAndWaitingForAnother(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = runMain(BadExample.class);

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(bad.stdout())
                .contains("STALL (NO_PROGRESS)")
                .contains("0 of 4 connections free, 4 threads waiting for a permit")
                .containsPattern("\"copier-1\" holds \\[connection \\d]\n")
                .containsPattern("\"copier-2\" holds \\[connection \\d]\n")
                .containsPattern("\"copier-3\" holds \\[connection \\d]\n")
                .containsPattern("\"copier-4\" holds \\[connection \\d]\n")
                .contains("ThreadMXBean.findDeadlockedThreads(): no deadlock found")
                .contains("at java.util.concurrent.Semaphore.acquire");
        Evidence.badShowed(reporter, "%s %s; ThreadMXBean: no deadlock", bad.lineStartingWith("STALL"),
                bad.lineStartingWith("0 of 4 connections free"));
    }

    @Test
    void takingBothConnectionsAtOnceLetsEveryCopyComplete(TestReporter reporter) throws Exception {
        ChildJvm.Result good = runMain(GoodExample.class);

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(good.stdout()).contains("All 1,000 copies completed");
        Evidence.goodHeld(reporter, "%s", good.lineStartingWith("All "));
    }
}
