package org.concurrencyhandbook.asyncpitfalls.timeout;

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
 * One scenario for every service: a backend that never answers, a caller given two and a half times the service's
 * deadline, and the backend calls still in progress half a second after. The timed judgments have margins of two
 * and a half and more over what they judge. Judged by {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class TimeoutTest {

    static Stream<Fix<PriceService.Opener>> wrongFixes() {
        return OtherServices.WRONG_FIXES.stream();
    }

    static Stream<Fix<PriceService.Opener>> rightFixes() {
        return OtherServices.RIGHT_FIXES.stream();
    }

    @Test
    void joinWithoutALimitWaitsForAsLongAsTheBackend(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.answered()).isFalse();
        Evidence.badShowed(reporter, "the caller still waiting after %d ms; %d backend call in progress",
                Scenario.CALLER_LIMIT.toMillis(), outcome.backendCallsLeftBehind());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTimeoutThatOnlyFreesTheCallerLeavesTheWorkRunning(Fix<PriceService.Opener> fix, TestReporter reporter)
            throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.answered()).isTrue();
        assertThat(outcome.backendCallsLeftBehind()).isEqualTo(1);
        Evidence.wrongFixCaught(reporter, fix, "the caller got %s after %d ms, and the backend call was still in progress"
                + " half a second later", outcome.callerGot(), outcome.answeredAfterMillis());
    }

    @Test
    void aBoundedWaitAndACancelFreeBoth(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.callerGot()).isEqualTo("\"unavailable\"");
        Evidence.goodHeld(reporter, "the caller got %s after %d ms; no backend call left behind", outcome.callerGot(),
                outcome.answeredAfterMillis());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixFreesBoth(Fix<PriceService.Opener> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "the caller got %s after %d ms; no backend call left behind",
                outcome.callerGot(), outcome.answeredAfterMillis());
    }
}
