package org.concurrencyhandbook.contentiondeadlock.aliencall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.testkit.Demos.runMain;

import org.concurrencyhandbook.support.ChildJvm;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two feeds: a publisher and a rebalancer, each holding its first lock until the other holds its own or
 * is blocked. A monitor deadlock can never be undone, so the mains run in child JVMs.
 */
@Timeout(120)
class AlienCallTest {

    @Test
    void notifyingListenersUnderTheFeedsLockDeadlocksThroughTheCallback(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = runMain(BadExample.class);

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(bad.stdout())
                .containsPattern("\"publisher\" holds \\S*BadExample@\\w+ and waits for \\S*Portfolio@\\w+, held by \"rebalancer\"")
                .containsPattern("\"rebalancer\" holds \\S*Portfolio@\\w+ and waits for \\S*BadExample@\\w+, held by \"publisher\"")
                .contains("at org.concurrencyhandbook.contentiondeadlock.aliencall.Portfolio.onPrice");
        Evidence.badShowed(reporter, "%s", bad.lineStartingWith("DEADLOCK")
                .replaceFirst(":.*", ": the cycle runs through Portfolio.onPrice, called under the feed's lock"));
    }

    @Test
    void openCallsLetEveryPublicationAndEveryRebalanceComplete(TestReporter reporter) throws Exception {
        ChildJvm.Result good = runMain(GoodExample.class);

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(good.stdout()).contains("All 1,000 prices published and 1,000 rebalances done");
        Evidence.goodHeld(reporter, "%s", good.lineStartingWith("All "));
    }
}
