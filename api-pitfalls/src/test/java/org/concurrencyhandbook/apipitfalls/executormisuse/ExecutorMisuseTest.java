package org.concurrencyhandbook.apipitfalls.executormisuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.apipitfalls.executormisuse.Scenario.BURST;
import static org.concurrencyhandbook.apipitfalls.executormisuse.Scenario.QUEUE;
import static org.concurrencyhandbook.apipitfalls.executormisuse.Scenario.THREADS;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario for every executor: a burst of 100 tasks that each wait for a reply sent once the burst is in. Counted,
 * never timed: the pool's threads, the most running at once, tasks run, refused and lost. Every task waits until the
 * burst is in and the pool runs all it will, so the counts are the same on every run, one CPU included. Judged by {@link Scenario.Outcome#verdict},
 * as the mains are.
 */
@Timeout(60)
class ExecutorMisuseTest {

    static final Fix<Supplier<ExecutorService>> DISCARDING = Fix.of("bounded pool, DiscardPolicy",
            OtherExecutors::boundedDiscarding);
    static final Fix<Supplier<ExecutorService>> CORE_BELOW_MAX = Fix.of("core < max, unbounded LinkedBlockingQueue",
            OtherExecutors::growsOnlyWhenTheQueueIsFull);
    static final Fix<Supplier<ExecutorService>> FIXED_THREAD_POOL = Fix.of("Executors.newFixedThreadPool(8)",
            () -> Executors.newFixedThreadPool(THREADS));
    static final Fix<Supplier<ExecutorService>> CALLER_RUNS = Fix.of("bounded pool, CallerRunsPolicy",
            OtherExecutors::boundedCallerRuns);

    @Test
    void theCachedPoolStartsAThreadForEveryWaitingTask(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::newExecutor);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.poolThreads()).as("threads started").isEqualTo(BURST);
        assertThat(outcome.lost()).isZero();
        Evidence.badShowed(reporter, "%d threads started for a burst of %d waiting tasks (the service's bound: %d)",
                outcome.poolThreads(), BURST, THREADS);
    }

    @Test
    void boundingThePoolWithDiscardPolicyDropsTheOverflowSilently(TestReporter reporter) throws Exception {
        Fix<Supplier<ExecutorService>> fix = DISCARDING;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.poolThreads()).isEqualTo(THREADS);
        assertThat(outcome.lost()).as("tasks accepted and never run").isEqualTo(BURST - THREADS - QUEUE);
        Evidence.wrongFixCaught(reporter, fix, "%d threads, but %d of %d tasks accepted and never run, nobody told",
                outcome.poolThreads(), outcome.lost(), BURST);
    }

    @Test
    void aLargerMaxWithAnUnboundedQueueNeverGrowsPastCore(TestReporter reporter) throws Exception {
        Fix<Supplier<ExecutorService>> fix = CORE_BELOW_MAX;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.mostRunningAtOnce()).as("tasks running at once").isLessThanOrEqualTo(THREADS / 2);
        assertThat(outcome.lost()).isZero();
        Evidence.wrongFixCaught(reporter, fix, "max %d, but at most %d tasks ran at once: the queue took the rest and the"
                + " pool never grew past core", THREADS, outcome.mostRunningAtOnce());
    }

    @Test
    void aFixedThreadPoolHoldsTheWholeBurstInItsUnboundedQueue(TestReporter reporter) throws Exception {
        Fix<Supplier<ExecutorService>> fix = FIXED_THREAD_POOL;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.poolThreads()).isEqualTo(THREADS);
        assertThat(outcome.queuedAtOnce()).as("tasks held waiting").isEqualTo(BURST - THREADS);
        Evidence.wrongFixCaught(reporter, fix, "%d threads, but %d tasks held waiting at once, where %d was the limit",
                outcome.poolThreads(), outcome.queuedAtOnce(), QUEUE);
    }

    @Test
    void aBoundedPoolThatRefusesLoudlyStaysWithinItsBoundAndLosesNothing(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::newExecutor);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.poolThreads()).isEqualTo(THREADS);
        assertThat(outcome.refused()).as("refused to the caller").isEqualTo(BURST - THREADS - QUEUE);
        Evidence.goodHeld(reporter, "%d threads, all busy at once; %d ran, %d refused to the caller, none lost",
                outcome.poolThreads(), outcome.ran(), outcome.refused());
    }

    @Test
    void callerRunsPolicyPushesBackAndRunsEveryTask(TestReporter reporter) throws Exception {
        Fix<Supplier<ExecutorService>> fix = CALLER_RUNS;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.ran()).isEqualTo(BURST);
        Evidence.rightFixHeld(reporter, fix, "%d pool threads; all %d tasks ran, %d of them on the submitting thread",
                outcome.poolThreads(), outcome.ran(), outcome.ranBySubmitter());
    }
}
