package org.concurrencyhandbook.contentiondeadlock.virtualthreads;

import static org.assertj.core.api.Assertions.assertThat;

import org.concurrencyhandbook.support.ChildJvm;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Demos;
import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 2.1's scenario on virtual threads, run in the mains, each in a child JVM that hands back what every tool saw as
 * {@link org.concurrencyhandbook.support.Facts}. The bad test pins the blind spot down on the JDK the build runs: a JDK
 * whose ThreadMXBean or jcmd Thread.print reports this deadlock turns it red, and the GUIDE must then be updated.
 */
@Timeout(120)
class VirtualThreadDeadlockTest {

    private static final String FIRST = "transfer 1->2";
    private static final String SECOND = "transfer 2->1";

    @Test
    void aDeadlockOfVirtualThreadsIsSeenOnlyByAProgressCheckAndTheJsonThreadDump(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = ChildJvm.of(BadExample.class).timeout(Demos.LIMIT).collectingFacts().run();

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(bad.fact("ended")).isEqualTo("NO_PROGRESS");
        assertThat(bad.fact("states")).isEqualTo("\"" + FIRST + "\" BLOCKED, \"" + SECOND + "\" BLOCKED");
        assertThat(bad.fact("threadMxBean.deadlockFound")).as("ThreadMXBean found the deadlock").isEqualTo("false");
        assertThat(bad.fact("threadPrint.deadlockFound")).as("jcmd Thread.print reported a deadlock").isEqualTo("false");
        assertThat(bad.fact("threadPrint.listsTheVirtualThreads")).as("jcmd Thread.print lists them").isEqualTo("false");
        for (String thread : new String[] {FIRST, SECOND}) {
            assertThat(bad.fact("jsonDump." + thread + ".state")).as(thread).isEqualTo("BLOCKED");
        }
        assertThat(bad.fact("jsonDump." + FIRST + ".blockedOn")).as("what %s waits for is what %s owns", FIRST, SECOND)
                .contains("Account@").isEqualTo(bad.fact("jsonDump." + SECOND + ".owns"));
        assertThat(bad.fact("jsonDump." + SECOND + ".blockedOn")).as("what %s waits for is what %s owns", SECOND, FIRST)
                .contains("Account@").isEqualTo(bad.fact("jsonDump." + FIRST + ".owns"));
        Evidence.badShowed(reporter, "%s; ThreadMXBean: no deadlock; jcmd Thread.print: none; the JSON dump: \"%s\" waits for"
                + " %s, which \"%s\" owns, and it waits for %s, which \"%s\" owns", bad.lineStartingWith("STALL"), FIRST,
                simpleName(bad.fact("jsonDump." + FIRST + ".blockedOn")), SECOND,
                simpleName(bad.fact("jsonDump." + SECOND + ".blockedOn")), FIRST);
    }

    @Test
    void theLockOrderCompletesOnVirtualThreadsAndTheProgressWatchdogStaysQuiet(TestReporter reporter) throws Exception {
        ChildJvm.Result good = ChildJvm.of(GoodExample.class).timeout(Demos.LIMIT).collectingFacts().run();

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(good.fact("ended")).isEqualTo("FINISHED");
        assertThat(good.longFact("total")).isEqualTo(20_000);
        Evidence.goodHeld(reporter, "%s", good.lineStartingWith("All "));
    }

    private static String simpleName(String monitor) {
        return monitor.substring(monitor.lastIndexOf('.') + 1);
    }
}
