package org.concurrencyhandbook.asyncpitfalls.neverruns;

import static org.assertj.core.api.Assertions.assertThat;

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
 * One scenario for every dispatcher: a background job, five addresses for a notifier, an account looked up in two
 * asynchronous steps. Nothing races: the same answers on every run, one CPU included. Judged by
 * {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class NeverRunsTest {

    static Stream<Fix<Dispatch>> rightFixes() {
        return OtherDispatches.RIGHT_FIXES.stream();
    }

    @Test
    void runPeekAndThenApplyLeaveTheWorkUndone(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(new BadExample());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.jobRanOn()).isEqualTo("the caller's thread");
        assertThat(outcome.notified()).isEmpty();
        assertThat(outcome.accountGot()).isEqualTo("a CompletableFuture, not an account");
        Evidence.badShowed(reporter, "the job ran on %s; %d of %d addresses notified; the join gave %s",
                outcome.jobRanOn(), outcome.notified().size(), Scenario.ADDRESS_COUNT, outcome.accountGot());
    }

    @Test
    void countOnASizedStreamSkipsThePeek(TestReporter reporter) throws Exception {
        Fix<Dispatch> fix = OtherDispatches.COUNT_AS_TERMINAL;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.notified()).isEmpty();
        Evidence.wrongFixCaught(reporter, fix, "%d of %d addresses notified: count() knew the size without looking",
                outcome.notified().size(), Scenario.ADDRESS_COUNT);
    }

    @Test
    void findAnyStopsAtTheFirst(TestReporter reporter) throws Exception {
        Fix<Dispatch> fix = OtherDispatches.FIND_ANY_AS_TERMINAL;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.notified()).containsExactly("ann@");
        Evidence.wrongFixCaught(reporter, fix, "%d of %d addresses notified: %s", outcome.notified().size(),
                Scenario.ADDRESS_COUNT, outcome.notified());
    }

    @Test
    void startForEachAndThenComposeDoTheWork(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(new GoodExample());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "the job ran on %s; all %d addresses notified; the join gave \"%s\"",
                outcome.jobRanOn(), outcome.notified().size(), outcome.accountGot());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixDoesTheWork(Fix<Dispatch> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "the job ran on %s; all %d addresses notified; the join gave \"%s\"",
                outcome.jobRanOn(), outcome.notified().size(), outcome.accountGot());
    }
}
