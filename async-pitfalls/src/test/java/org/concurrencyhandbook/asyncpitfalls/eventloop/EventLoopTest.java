package org.concurrencyhandbook.asyncpitfalls.eventloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
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
 * One scenario for every service: the common pool's parallelism plus eight quote requests, each blocked in a backend the
 * scenario holds open; then a ping and a common-pool task, given a second to finish before the backend answers. The
 * blocked threads stay blocked until the scenario says, so the verdict is the same on every run, one CPU included.
 * Judged by {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class EventLoopTest {

    static Stream<Fix<Function<QuoteService.Backend, QuoteService>>> rightFixes() {
        return OtherServices.RIGHT_FIXES.stream();
    }

    @Test
    void theBackendCallOnTheLoopHoldsUpThePing(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.pingHeldUp()).isTrue();
        assertThat(outcome.commonPoolTaskHeldUp()).isFalse();
        Evidence.badShowed(reporter, "the ping answered after %.0f ms, when the backend did", outcome.pingMillis());
    }

    @Test
    void supplyAsyncWithNoExecutorHoldsUpTheCommonPool(TestReporter reporter) throws Exception {
        Fix<Function<QuoteService.Backend, QuoteService>> fix = OtherServices.DEFAULT_ASYNC;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.pingHeldUp()).isFalse();
        assertThat(outcome.commonPoolTaskHeldUp()).isTrue();
        Evidence.wrongFixCaught(reporter, fix, "the ping answered in %.1f ms, and an unrelated common-pool task after %.0f"
                + " ms: the pool's %d worker(s) waited in the backend", outcome.pingMillis(),
                outcome.commonPoolTaskMillis(), ForkJoinPool.getCommonPoolParallelism());
    }

    @Test
    void aBiggerLoopIsBlockedByMoreCalls(TestReporter reporter) throws Exception {
        Fix<Function<QuoteService.Backend, QuoteService>> fix = OtherServices.BIGGER_LOOP;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.pingHeldUp()).isTrue();
        Evidence.wrongFixCaught(reporter, fix, "%d blocking calls for 2 loop threads: the ping answered after %.0f ms",
                Scenario.QUOTES, outcome.pingMillis());
    }

    @Test
    void blockingCallsOnVirtualThreadsLeaveTheLoopFree(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "the ping answered in %.1f ms and the common-pool task in %.1f ms while %d backend"
                + " calls were out; all answered", outcome.pingMillis(), outcome.commonPoolTaskMillis(), Scenario.QUOTES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixLeavesTheLoopFree(Fix<Function<QuoteService.Backend, QuoteService>> fix,
                                              TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "the ping answered in %.1f ms and the common-pool task in %.1f ms while"
                + " %d backend calls were out", outcome.pingMillis(), outcome.commonPoolTaskMillis(), Scenario.QUOTES);
    }
}
