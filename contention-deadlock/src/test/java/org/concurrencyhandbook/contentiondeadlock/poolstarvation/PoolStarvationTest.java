package org.concurrencyhandbook.contentiondeadlock.poolstarvation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.testkit.Demos.runMain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concurrencyhandbook.support.ChildJvm;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two builders: a pool of two threads builds two reports, both report tasks running before either asks
 * for its chart. Run in the mains, each in a child JVM, as a reader runs them.
 */
@Timeout(120)
class PoolStarvationTest {

    @Test
    void tasksThatBlockOnSubtasksInTheirOwnPoolStarveIt(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = runMain(BadExample.class);

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        Matcher starved = Pattern.compile("The pool has (\\d+) threads, (\\d+) of them busy, and (\\d+) tasks queued").matcher(bad.stdout());
        assertThat(starved.find()).as(bad.describe()).isTrue();
        assertThat(starved.group(2)).as("busy pool threads").isEqualTo(starved.group(1));
        assertThat(Integer.parseInt(starved.group(3))).as("queued tasks").isPositive();
        assertThat(bad.stdout()).contains("at java.util.concurrent.FutureTask.get")
                .contains("ThreadMXBean.findDeadlockedThreads(): no deadlock found")
                .contains("pool threads all ended");
        Evidence.badShowed(reporter, "all %s pool threads blocked in FutureTask.get, %s tasks queued that never ran; no deadlock for ThreadMXBean",
                starved.group(1), starved.group(3));
    }

    @Test
    void nonBlockingCompositionBuildsEveryReportOnTheSamePool(TestReporter reporter) throws Exception {
        ChildJvm.Result good = runMain(GoodExample.class);

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(good.stdout()).contains("[report 1 with chart 1, report 2 with chart 2]");
        Evidence.goodHeld(reporter, "%s", good.lineStartingWith("A pool"));
    }
}
