package org.concurrencyhandbook.apipitfalls.unreleased;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every account: an overdraft that throws inside the section, then a deposit; an audit holding the
 * lock, a deposit interrupted while it waits, then one more. A clerk waiting for a lock whose owner thread has ended
 * is stuck for good — judged without a clock, so the same verdict comes on every run, one CPU included. Judged by
 * {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class UnreleasedLockTest {

    static Stream<Fix<Supplier<Account>>> rightFixes() {
        return OtherAccounts.RIGHT_FIXES.stream();
    }

    @Test
    void theOverdraftLeavesTheLockHeldByAThreadThatEnded(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.overdraft().endedWith()).isEqualTo("IllegalArgumentException");
        assertThat(outcome.stuckFor()).isEqualTo("auditor-1 waits in ReentrantLock.lockInterruptibly for a lock owned by"
                + " clerk-1, which has ended");
        Evidence.badShowed(reporter, "the overdraft threw %s; then %s", outcome.overdraft().endedWith(),
                outcome.stuckFor());
        assertThat(outcome.deadlockFound()).as("one thread waiting for a dead one is no cycle").isFalse();
        Evidence.detected(reporter, "ThreadMXBean", false, "findDeadlockedThreads() finds no cycle; getThreadInfo names"
                + " the lock's owner, clerk-1, a thread that has ended — for a reader who looks");
    }

    @Test
    void lockingInsideTheTryReplacesTheInterruptWithIllegalMonitorState(TestReporter reporter) throws Exception {
        Fix<Supplier<Account>> fix = OtherAccounts.LOCK_INSIDE_THE_TRY;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.stuckFor()).as("the finally does release after the overdraft").isEmpty();
        assertThat(outcome.interrupted().endedWith()).isEqualTo("IllegalMonitorStateException");
        Evidence.wrongFixCaught(reporter, fix, "no lock left held, but the interrupted clerk's caller got %s in place of"
                + " the InterruptedException", outcome.interrupted().endedWith());
    }

    @Test
    void unlockingInACatchMissesTheError(TestReporter reporter) throws Exception {
        Fix<Supplier<Account>> fix = OtherAccounts.UNLOCK_IN_A_CATCH;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.failedAudit().endedWith()).isEqualTo("AssertionError");
        assertThat(outcome.stuckFor()).startsWith("clerk-2 waits").endsWith("owned by auditor-1, which has ended");
        Evidence.wrongFixCaught(reporter, fix, "the overdraft released, the AssertionError did not: %s",
                outcome.stuckFor());
    }

    @Test
    void aFinallyOnlyWhereTheCodeVisiblyThrowsMissesTheAuditor(TestReporter reporter) throws Exception {
        Fix<Supplier<Account>> fix = OtherAccounts.FINALLY_WHERE_IT_THROWS;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.stuckFor()).endsWith("owned by auditor-1, which has ended");
        Evidence.wrongFixCaught(reporter, fix, "the auditor's failure left the lock held: %s", outcome.stuckFor());
    }

    @Test
    void lockThenTryFinallyReleasesOnEveryWayOut(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.interrupted().endedWith()).isEqualTo("InterruptedException");
        Evidence.goodHeld(reporter, "the overdraft threw %s, the next deposit %s; the interrupted clerk got %s; balance"
                + " %d", outcome.overdraft().endedWith(), outcome.nextDeposit().endedWith(),
                outcome.interrupted().endedWith(), outcome.balance());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixReleasesOnEveryWayOut(Fix<Supplier<Account>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "the overdraft threw %s, the next deposit %s; the interrupted clerk %s;"
                + " balance %d", outcome.overdraft().endedWith(), outcome.nextDeposit().endedWith(),
                outcome.interrupted().endedWith(), outcome.balance());
    }
}
