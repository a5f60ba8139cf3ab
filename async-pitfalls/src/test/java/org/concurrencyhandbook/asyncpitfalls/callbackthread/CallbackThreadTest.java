package org.concurrencyhandbook.asyncpitfalls.callbackthread;

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
 * One scenario for every handler: a response completed by an io-thread, a parse held open once begun, and two quick
 * tasks — one for the io-thread, one on the common pool — given a second while the parse is held. The parse stays
 * held until the scenario says, so the verdict is the same on every run, one CPU included. Judged by
 * {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class CallbackThreadTest {

    static Stream<Fix<Supplier<ResponseHandler>>> rightFixes() {
        return OtherHandlers.RIGHT_FIXES.stream();
    }

    @Test
    void thenApplyParsesOnTheIoThreadAndHoldsIt(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.parsedOn()).isEqualTo("io-thread");
        assertThat(outcome.ioTaskHeldUp()).isTrue();
        Evidence.badShowed(reporter, "the parse ran on %s, and the io-thread's next task waited for it",
                outcome.parsedOn());
    }

    @Test
    void thenApplyAsyncWithNoExecutorHoldsTheCommonPool(TestReporter reporter) throws Exception {
        Fix<Supplier<ResponseHandler>> fix = OtherHandlers.ASYNC_WITHOUT_EXECUTOR;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.ioTaskHeldUp()).isFalse();
        assertThat(outcome.commonPoolTaskHeldUp()).isTrue();
        Evidence.wrongFixCaught(reporter, fix, "the io-thread free, but the parse ran on %s and an unrelated common-pool"
                + " task waited for it", outcome.parsedOn());
    }

    @Test
    void thenApplyAsyncOnItsOwnExecutorLeavesBothFree(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "the parse ran on %s; the io-thread and the common pool ran their tasks at once",
                outcome.parsedOn());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixLeavesBothFree(Fix<Supplier<ResponseHandler>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "the parse ran on a %s thread; the io-thread and the common pool ran their"
                + " tasks at once", outcome.parsedOn().isEmpty() ? "virtual" : outcome.parsedOn());
    }
}
