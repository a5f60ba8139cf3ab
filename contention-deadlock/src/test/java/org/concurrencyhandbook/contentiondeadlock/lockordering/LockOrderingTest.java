package org.concurrencyhandbook.contentiondeadlock.lockordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.concurrencyhandbook.testkit.FlightRecording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every bank: opposite transfers between two accounts, with each thread's first transfer held until
 * the other holds its first lock or is blocked. A deadlock on monitors can never be undone, so every bank runs in a JVM
 * of its own — the examples in their mains, the other fixes in {@link OtherBanks#main} — and hands back what it
 * measured as {@link org.concurrencyhandbook.support.Facts}, judged by {@link Scenario.Outcome#verdict()}.
 */
@Timeout(120)
class LockOrderingTest {

    private static final String MONITOR_CLASS = Account.class.getName();
    private static final String REENTRANT_LOCK_CLASS = "java.util.concurrent.locks.ReentrantLock$NonfairSync";
    /** The JVM may start the cycle at either thread. */
    private static final String[] CYCLE = {"transfer 1->2 -> transfer 2->1", "transfer 2->1 -> transfer 1->2"};

    static Stream<Fix<Function<Bank.FirstLockHeld, Bank>>> wrongFixes() {
        return OtherBanks.WRONG_FIXES.stream();
    }

    static Stream<Fix<Function<Bank.FirstLockHeld, Bank>>> rightFixes() {
        return OtherBanks.RIGHT_FIXES.stream();
    }

    @Test
    void argumentOrderedLockingDeadlocksAndThreadMxBeanFindsBothCycles(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = ChildJvm.of(BadExample.class).collectingFacts().run();

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        for (String variant : new String[] {"synchronized", "ReentrantLock"}) {
            assertThat(bad.fact(variant + ".ended")).as(variant).isEqualTo("DEADLOCK");
            assertThat(bad.fact(variant + ".cycle")).as(variant).isIn((Object[]) CYCLE);
        }
        assertThat(bad.fact("synchronized.locksWaitedFor")).isEqualTo(MONITOR_CLASS + ", " + MONITOR_CLASS);
        assertThat(bad.fact("ReentrantLock.locksWaitedFor")).isEqualTo(REENTRANT_LOCK_CLASS + ", " + REENTRANT_LOCK_CLASS);
        Evidence.badShowed(reporter, "ThreadMXBean found the cycle %s on monitors after %s ms and on ReentrantLocks after %s ms",
                bad.fact("synchronized.cycle"), bad.fact("synchronized.afterMillis"), bad.fact("ReentrantLock.afterMillis"));
        Evidence.detected(reporter, "ThreadMXBean", bad.fact("synchronized.ended").equals("DEADLOCK")
                && bad.fact("ReentrantLock.ended").equals("DEADLOCK"), "findDeadlockedThreads() names both cycles");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillStopsForGood(Fix<Function<Bank.FirstLockHeld, Bank>> fix, TestReporter reporter)
            throws Exception {
        ChildJvm.Result run = ChildJvm.of(OtherBanks.class).args(fix.name()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(run.fact(fix.name() + ".ended")).as(run.describe()).isIn("DEADLOCK", "NO_PROGRESS");
        Evidence.wrongFixCaught(reporter, fix, "%s after %s ms%s", run.fact(fix.name() + ".ended"),
                run.fact(fix.name() + ".afterMillis"),
                run.facts().containsKey(fix.name() + ".cycle") ? ", cycle " + run.fact(fix.name() + ".cycle") : "");
    }

    @Test
    void aGlobalLockOrderAndTryLockWithBackOffCompleteEveryTransfer(TestReporter reporter) throws Exception {
        ChildJvm.Result good = ChildJvm.of(GoodExample.class).collectingFacts().run();

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        for (String variant : new String[] {"synchronized", "ReentrantLock"}) {
            assertThat(good.fact(variant + ".ended")).as(variant).isEqualTo("FINISHED");
            assertThat(good.longFact(variant + ".total")).as(variant).isEqualTo(2 * Scenario.OPENING_BALANCE);
        }
        Evidence.goodHeld(reporter, "all 2,000 transfers completed, 20,000 € conserved: lock order in %s ms, tryLock in %s ms",
                good.fact("synchronized.afterMillis"), good.fact("ReentrantLock.afterMillis"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixCompletesEveryTransfer(Fix<Function<Bank.FirstLockHeld, Bank>> fix, TestReporter reporter)
            throws Exception {
        ChildJvm.Result run = ChildJvm.of(OtherBanks.class).args(fix.name()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(run.longFact(fix.name() + ".total")).isEqualTo(2 * Scenario.OPENING_BALANCE);
        Evidence.rightFixHeld(reporter, fix, "all 2,000 transfers in %s ms, 20,000 € conserved", run.fact(fix.name() + ".afterMillis"));
    }

    /**
     * JFR as a reader would switch it on in production ({@code -XX:StartFlightRecording}, default settings), on the
     * bad and the good main: see {@link FlightRecording}.
     */
    @Test
    void jfrReportsTheDeadlockOnlyInTheThreadDumpItTakes(TestReporter reporter) throws Exception {
        FlightRecording bad = FlightRecording.of(BadExample.class, Verdict.FAILURE_SHOWN);
        FlightRecording good = FlightRecording.of(GoodExample.class, Verdict.INVARIANT_HELD);

        assertThat(bad.deadlockReport()).as(bad.describe()).hasValueSatisfying(report -> assertThat(report)
                .contains("\"transfer 1->2\"", "\"transfer 2->1\"", MONITOR_CLASS));
        assertThat(bad.waits()).as("a monitor never entered commits no jdk.JavaMonitorEnter").noneMatch(wait ->
                wait.event().equals("jdk.JavaMonitorEnter") && wait.on().equals(MONITOR_CLASS));
        assertThat(good.showsAStall()).as(good.describe()).isFalse();
        Evidence.detected(reporter, "JFR", true, "only in the thread dump it takes as a chunk ends (jdk.ThreadDump: at exit, or on jcmd JFR.dump),"
                + " which reports the deadlock; no jdk.JavaMonitorEnter event, as neither monitor is ever entered");
    }
}
