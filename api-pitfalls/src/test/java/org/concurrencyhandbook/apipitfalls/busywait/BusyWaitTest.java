package org.concurrencyhandbook.apipitfalls.busywait;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Conclusive;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every handoff: 20 waits for a signal sent 20 ms in, judged by a count — how many times the waiter
 * stopped to wait — that load cannot bend: none is busy waiting, about one per wait is a blocking wait, many are
 * polling. CPU share and lateness are measured and recorded beside it. Judged by {@link Scenario.Outcome#verdict}, as
 * the mains are; a count between the bounds is skipped as inconclusive, with the figures, never passed.
 */
@Timeout(60)
class BusyWaitTest {

    static Stream<Fix<Supplier<Handoff>>> rightFixes() {
        return Stream.of(
                Fix.of("LockSupport.park / unpark", OtherHandoffs.ParkAndUnpark::new),
                Fix.of("Condition.await in a while loop", OtherHandoffs.ConditionAwait::new),
                Fix.of("spin with Thread.onSpinWait, then park", OtherHandoffs.SpinThenPark::new));
    }

    @Test
    void theSpinningWaiterIsOnACpuForItsWholeWait(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = conclusive(Scenario.run(BadExample::new));

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.spinning()).as("wake-ups %d", outcome.wakeUps()).isTrue();
        Evidence.badShowed(reporter, "never stopped to wait in %d waits; on a CPU for %.0f %% of its waiting",
                Scenario.ROUNDS, 100 * outcome.cpuShare());
    }

    @Test
    void yieldingInTheLoopStillBurnsTheCpu(TestReporter reporter) throws Exception {
        Fix<Supplier<Handoff>> fix = Fix.of("Thread.yield() in the loop", OtherHandoffs.YieldingSpin::new);
        Scenario.Outcome outcome = conclusive(Scenario.run(fix.make()));

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.spinning()).as("wake-ups %d", outcome.wakeUps()).isTrue();
        Evidence.wrongFixCaught(reporter, fix, "still never stopped to wait; on a CPU for %.0f %% of its waiting",
                100 * outcome.cpuShare());
    }

    @Test
    void sleepingInTheLoopWakesLate(TestReporter reporter) throws Exception {
        Fix<Supplier<Handoff>> fix = Fix.of("Thread.sleep(1) in the loop", OtherHandoffs.SleepingPoll::new);
        Scenario.Outcome outcome = conclusive(Scenario.run(fix.make()));

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.polling()).as("wake-ups %d", outcome.wakeUps()).isTrue();
        Evidence.wrongFixCaught(reporter, fix, "CPU share down to %.1f %%, but %.0f wake-ups per wait to look, and %.1f× as"
                + " late as a latch (%.3f vs %.3f ms)", 100 * outcome.cpuShare(), outcome.wakeUpsPerWait(),
                outcome.lateness(), outcome.medianLateNanos() / 1e6, outcome.referenceMedianLateNanos() / 1e6);
    }

    @Test
    void theLatchWaiterUsesAlmostNoCpuAndWakesPromptly(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = conclusive(Scenario.run(GoodExample::new));

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "%.1f wake-ups per wait; on a CPU for %.2f %% of its waiting", outcome.wakeUpsPerWait(),
                100 * outcome.cpuShare());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixUsesAlmostNoCpuAndWakesPromptly(Fix<Supplier<Handoff>> fix, TestReporter reporter)
            throws Exception {
        Scenario.Outcome outcome = conclusive(Scenario.run(fix.make()));

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "%.1f wake-ups per wait; on a CPU for %.2f %% of its waiting",
                outcome.wakeUpsPerWait(), 100 * outcome.cpuShare());
    }

    private static Scenario.Outcome conclusive(Scenario.Outcome outcome) {
        Conclusive.orSkip(outcome.verdict(), outcome::inconclusiveReason);
        return outcome;
    }
}
