package org.concurrencyhandbook.apipitfalls.interruption;

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
 * One scenario for every worker: 3 messages handled, then {@code shutdownNow()} while it waits for the next, and one
 * more message. The interrupt always lands in {@code take()}, so the same verdict comes on every run, one CPU
 * included; the only timed judgment is the 1 s the executor gets to terminate. Judged by
 * {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class SwallowedInterruptTest {

    static Stream<Fix<Supplier<InboxWorker>>> wrongFixes() {
        return OtherWorkers.WRONG_FIXES.stream();
    }

    static Stream<Fix<Supplier<InboxWorker>>> rightFixes() {
        return OtherWorkers.RIGHT_FIXES.stream();
    }

    @Test
    void theSwallowingWorkerOutlivesShutdownNowAndServesTheNextMessage(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.terminated()).isFalse();
        assertThat(outcome.stillWaitingIn()).isEqualTo("waiting in LinkedBlockingQueue.take");
        assertThat(outcome.handledAfterShutdown()).isEqualTo(1);
        Evidence.badShowed(reporter, "not terminated %d ms after shutdownNow(), %s; %d message handled after",
                Scenario.GRACE.toMillis(), outcome.stillWaitingIn(), outcome.handledAfterShutdown());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void everyTemptingWrongFixOutlivesShutdownNow(Fix<Supplier<InboxWorker>> fix, TestReporter reporter)
            throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.terminated()).isFalse();
        Evidence.wrongFixCaught(reporter, fix, "not terminated %d ms after shutdownNow(), %s; %d message(s) handled"
                + " after", Scenario.GRACE.toMillis(), outcome.stillWaitingIn(), outcome.handledAfterShutdown());
    }

    @Test
    void thePropagatingWorkerStopsAtOnce(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "terminated %.3f ms after shutdownNow(); nothing handled after",
                outcome.stoppedAfterMicros() / 1000.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixStopsAtOnce(Fix<Supplier<InboxWorker>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "terminated %.3f ms after shutdownNow(); nothing handled after",
                outcome.stoppedAfterMicros() / 1000.0);
    }
}
