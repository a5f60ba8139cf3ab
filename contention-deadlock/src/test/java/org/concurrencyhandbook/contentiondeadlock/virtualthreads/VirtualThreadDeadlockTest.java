package org.concurrencyhandbook.contentiondeadlock.virtualthreads;

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
 * 2.1's scenario on virtual threads, run in the mains, each in a child JVM. The bad test pins the blind spot down on
 * the JDK the build runs: a JDK whose ThreadMXBean or jcmd Thread.print reports this deadlock turns it red, and the
 * GUIDE must then be updated.
 */
@Timeout(120)
class VirtualThreadDeadlockTest {

    @Test
    void aDeadlockOfVirtualThreadsIsSeenOnlyByAProgressCheckAndTheJsonThreadDump(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = runMain(BadExample.class);

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(bad.stdout())
                .contains("STALL (NO_PROGRESS)")
                .contains("Thread.getState(): [\"transfer 1->2\" BLOCKED, \"transfer 2->1\" BLOCKED]")
                .contains("ThreadMXBean.findDeadlockedThreads(): no deadlock found")
                .contains("jcmd Thread.print: deadlock report none; the virtual threads are not listed")
                .containsPattern("\"transfer 1->2\" virtual, BLOCKED on \\S*Account@(\\w+), owns \\[\\S*Account@(\\w+)]")
                .containsPattern("\"transfer 2->1\" virtual, BLOCKED on \\S*Account@(\\w+), owns \\[\\S*Account@(\\w+)]");
        String[] first = blockedOnAndOwned(bad.stdout(), "transfer 1->2");
        String[] second = blockedOnAndOwned(bad.stdout(), "transfer 2->1");
        assertThat(first[0]).as("what \"transfer 1->2\" waits for is what \"transfer 2->1\" owns").isEqualTo(second[1]);
        assertThat(second[0]).as("what \"transfer 2->1\" waits for is what \"transfer 1->2\" owns").isEqualTo(first[1]);
        Evidence.badShowed(reporter, "%s ThreadMXBean: no deadlock; jcmd Thread.print: none; the JSON dump: \"transfer 1->2\""
                + " waits for Account@%s, which \"transfer 2->1\" owns, and it waits for Account@%s, which \"transfer 1->2\" owns",
                bad.lineStartingWith("STALL"), first[0], second[0]);
    }

    @Test
    void theLockOrderCompletesOnVirtualThreadsAndTheProgressWatchdogStaysQuiet(TestReporter reporter) throws Exception {
        ChildJvm.Result good = runMain(GoodExample.class);

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(good.stdout()).contains("All 2,000 transfers completed on virtual threads").doesNotContain("STALL");
        Evidence.goodHeld(reporter, "%s", good.lineStartingWith("All "));
    }

    /** The identity hashes of the monitor a thread is blocked on and the one it owns, as the JSON dump's summary shows. */
    private static String[] blockedOnAndOwned(String stdout, String thread) {
        Matcher line = Pattern.compile("\"" + Pattern.quote(thread)
                + "\" virtual, BLOCKED on \\S*Account@(\\w+), owns \\[\\S*Account@(\\w+)]").matcher(stdout);
        assertThat(line.find()).as(stdout).isTrue();
        return new String[] {line.group(1), line.group(2)};
    }
}
