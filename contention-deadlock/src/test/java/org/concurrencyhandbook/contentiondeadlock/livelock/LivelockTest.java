package org.concurrencyhandbook.contentiondeadlock.livelock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.testkit.Demos.runMain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concurrencyhandbook.support.ChildJvm;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Demos;
import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two copy rooms: two polite workers kept in step, reaching for the devices in opposite orders. Run in
 * the mains, each in a child JVM; the livelocked workers are daemons and end with their JVM.
 */
@Timeout(120)
class LivelockTest {

    @Test
    void politeWorkersInStepRetryForeverAndFinishNothing(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = runMain(BadExample.class);

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        Matcher livelock = Pattern.compile("LIVELOCK \\(NO_PROGRESS\\) after \\d+ ms: (\\d+) of 200 jobs done, while the workers"
                + " were refused ([\\d,]+) times \\(worker-1 ([\\d,]+), worker-2 ([\\d,]+)\\)").matcher(bad.stdout());
        assertThat(livelock.find()).as(bad.describe()).isTrue();
        assertThat(Integer.parseInt(livelock.group(1))).as("jobs done").isLessThan(200);
        assertThat(count(livelock.group(3))).as("worker-1's refusals").isGreaterThanOrEqualTo(100);
        assertThat(count(livelock.group(4))).as("worker-2's refusals").isGreaterThanOrEqualTo(100);
        assertThat(bad.stdout()).contains("ThreadMXBean.findDeadlockedThreads(): no deadlock found");
        Evidence.badShowed(reporter, "%s of 200 jobs done and none for a second, while the two workers were refused %s times;"
                + " no deadlock for ThreadMXBean", livelock.group(1), livelock.group(2));
    }

    @Test
    void oneOrderForEveryoneFinishesEveryJobAtItsFirstAttempt(TestReporter reporter) throws Exception {
        ChildJvm.Result good = runMain(GoodExample.class);

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(good.stdout()).containsPattern("All 200 jobs done in \\d+ ms, in 200 attempts: 0 refused\\.");
        Evidence.goodHeld(reporter, "%s", good.lineStartingWith("All "));
    }

    private static long count(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}
