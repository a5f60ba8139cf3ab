package org.concurrencyhandbook.asyncpitfalls.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario for every fan-out: two hundred tasks, each preparing for 50 ms and then calling a resource that takes
 * ten at once. Counted: rejections, the resource's peak callers, the peak of tasks preparing at once. A pool of ten
 * caps the preparations at ten exactly; two hundred virtual threads sleeping 50 ms overlap by the hundred. Judged by
 * {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class FanoutTest {

    @Test
    void aVirtualThreadPerTaskOverrunsTheResource(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.rejected()).isPositive();
        assertThat(outcome.resourcePeak()).isGreaterThan(Scenario.RESOURCE_LIMIT);
        Evidence.badShowed(reporter, "%d callers at once against a limit of %d: %d of %d calls rejected",
                outcome.resourcePeak(), Scenario.RESOURCE_LIMIT, outcome.rejected(), Scenario.TASKS);
    }

    @Test
    void aPoolOfTenVirtualThreadsThrottlesEverything(TestReporter reporter) throws Exception {
        Fix<Supplier<Fanout>> fix = OtherFanouts.POOLED_VIRTUAL_THREADS;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.rejected()).isZero();
        assertThat(outcome.preparingPeak()).isLessThanOrEqualTo(Scenario.RESOURCE_LIMIT);
        Evidence.wrongFixCaught(reporter, fix, "no rejection, but at most %d tasks preparing at once: the preparations"
                + " throttled to the resource's limit", outcome.preparingPeak());
    }

    @Test
    void aSemaphoreAroundTheCallLimitsOnlyTheCall(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.resourcePeak()).isLessThanOrEqualTo(Scenario.RESOURCE_LIMIT);
        Evidence.goodHeld(reporter, "at most %d callers at once, none rejected; %d tasks preparing at once",
                outcome.resourcePeak(), outcome.preparingPeak());
    }
}
