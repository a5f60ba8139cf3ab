package org.concurrencyhandbook.asyncpitfalls.threadowned;

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
 * One scenario for every handler: two requests, their first stages back to back on one thread, their second stages
 * on another, request-1 held inside the section until request-2 has entered or is blocked. Every wait is forced, none
 * timed: the same verdict on every run, one CPU included. Judged by {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class ThreadOwnedTest {

    static Stream<Fix<Supplier<RequestHandler>>> rightFixes() {
        return OtherHandlers.RIGHT_FIXES.stream();
    }

    @Test
    void aLockAndAThreadLocalStayWithTheFirstStagesThread(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.enteredWhileAnotherInside()).containsExactly("request-2 entered while request-1 was inside");
        assertThat(outcome.believed()).containsEntry("request-1", "null").containsEntry("request-2", "null");
        assertThat(outcome.endings()).containsEntry("request-1", "failed with IllegalMonitorStateException")
                .containsEntry("request-2", "failed with IllegalMonitorStateException");
        Evidence.badShowed(reporter, "%s; both second stages read null from the ThreadLocal; both requests %s",
                outcome.enteredWhileAnotherInside().getFirst(), outcome.endings().get("request-1"));
    }

    @Test
    void anInheritableThreadLocalGivesTheSecondRequestTheFirstOnesContext(TestReporter reporter) throws Exception {
        Fix<Supplier<RequestHandler>> fix = OtherHandlers.INHERITABLE_THREAD_LOCAL;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.enteredWhileAnotherInside()).isEmpty();
        assertThat(outcome.believed()).containsEntry("request-1", "request-1").containsEntry("request-2", "request-1");
        Evidence.wrongFixCaught(reporter, fix, "exclusive and completed, but request-2's second stage believed it served"
                + " %s: the stage-2 thread inherited it when request-1 made it", outcome.believed().get("request-2"));
    }

    @Test
    void aPermitAndThePassedRequestKeepTheSectionAndTheContext(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "one request inside at a time; second stages believed %s; %s",
                outcome.believed(), outcome.endings());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixKeepsTheSectionAndTheContext(Fix<Supplier<RequestHandler>> fix, TestReporter reporter)
            throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "one request inside at a time; second stages believed %s; %s",
                outcome.believed(), outcome.endings());
    }
}
