package org.concurrencyhandbook.contentiondeadlock.classinit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.testkit.Demos.runMain;

import org.concurrencyhandbook.support.ChildJvm;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two pairs of classes: both first used at once, from two threads, with both initializations under way
 * before either goes on. A thread stuck in class initialization can never be released, so the scenario runs in the
 * mains, each in a child JVM. The bad test pins down the blind spot: if a JDK ever reports this deadlock through
 * ThreadMXBean or jcmd, it goes red and the GUIDE must be updated.
 */
@Timeout(120)
class ClassInitDeadlockTest {

    @Test
    void initializersThatNeedEachOtherDeadlockUnseenByThreadMxBeanAndJcmd(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = runMain(BadExample.class);

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(bad.stdout())
                .contains("STUCK: 3 s after their first use, neither class has finished initializing.")
                .contains("ThreadMXBean.findDeadlockedThreads(): no deadlock found")
                .contains("\"first use of Currencies\" RUNNABLE, \"first use of ExchangeRates\" RUNNABLE")
                .contains("Thread.print — deadlock report: none")
                .contains("in Object.wait()")
                .contains("- waiting on the Class initialization monitor for org.concurrencyhandbook.contentiondeadlock.classinit.BadExample$ExchangeRates")
                .contains("- waiting on the Class initialization monitor for org.concurrencyhandbook.contentiondeadlock.classinit.BadExample$Currencies");
        Evidence.badShowed(reporter, "stuck in <clinit>: %s; %s; jcmd: only \"waiting on the Class initialization monitor\"",
                bad.lineStartingWith("ThreadMXBean"), bad.lineStartingWith("Thread.getState()"));
    }

    @Test
    void initializersWithoutACycleCompleteFromTwoThreadsAtOnce(TestReporter reporter) throws Exception {
        ChildJvm.Result good = runMain(GoodExample.class);

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(good.stdout()).contains("Both classes initialized, by two threads at once: 4 currencies quoted, 4 exchange rates.");
        Evidence.goodHeld(reporter, "both classes initialized from two threads at once, in %d ms", good.elapsed().toMillis());
    }
}
