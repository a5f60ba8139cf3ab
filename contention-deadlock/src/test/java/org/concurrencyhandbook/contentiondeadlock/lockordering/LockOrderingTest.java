package org.concurrencyhandbook.contentiondeadlock.lockordering;

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
 * One scenario, two banks, each with monitors and with ReentrantLocks: opposite transfers between two accounts, with
 * each thread's first transfer held until the other holds its first lock or is blocked. A deadlock on monitors can
 * never be undone, so the scenario runs where the examples run it — in their mains, each in a child JVM.
 */
@Timeout(120)
class LockOrderingTest {

    private static String first(String output, String regex) {
        Matcher match = Pattern.compile(regex).matcher(output);
        assertThat(match.find()).as("%s in:%n%s", regex, output).isTrue();
        return match.group(1);
    }

    @Test
    void argumentOrderedLockingDeadlocksAndThreadMxBeanFindsBothCycles(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = runMain(BadExample.class);

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(bad.stdout())
                .contains("synchronized: DEADLOCK, found by ThreadMXBean.findDeadlockedThreads()")
                .contains("ReentrantLock: DEADLOCK, found by ThreadMXBean.findDeadlockedThreads()")
                .containsPattern("\"transfer 1->2\" holds [^\\n]*Account@[0-9a-f]+ and waits for [^\\n]*Account@[0-9a-f]+, held by \"transfer 2->1\"")
                .containsPattern("\"transfer 1->2\" holds java.util.concurrent.locks.ReentrantLock\\$NonfairSync@[0-9a-f]+ and waits for")
                .contains("cycle: \"transfer 1->2\" -> \"transfer 2->1\" -> \"transfer 1->2\"");
        Evidence.badShowed(reporter, "ThreadMXBean found the cycle %s on monitors after %s ms and on ReentrantLocks after %s ms",
                first(bad.stdout(), "cycle: (.*)"), first(bad.stdout(), "synchronized: DEADLOCK.* after (\\d+) ms"),
                first(bad.stdout(), "ReentrantLock: DEADLOCK.* after (\\d+) ms"));
    }

    @Test
    void aGlobalLockOrderAndTryLockWithBackOffCompleteEveryTransfer(TestReporter reporter) throws Exception {
        ChildJvm.Result good = runMain(GoodExample.class);

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(good.stdout())
                .contains("synchronized: all 2,000 transfers completed")
                .contains("ReentrantLock: all 2,000 transfers completed")
                .doesNotContain("DEADLOCK");
        assertThat(good.stdout().lines().filter(line -> line.contains("the accounts hold 20,000 € together, as before"))).hasSize(2);
        Evidence.goodHeld(reporter, "all 2,000 transfers completed, 20,000 € conserved: lock order in %s ms, tryLock in %s ms",
                first(good.stdout(), "synchronized: all .* completed in (\\d+) ms"),
                first(good.stdout(), "ReentrantLock: all .* completed in (\\d+) ms"));
    }
}
