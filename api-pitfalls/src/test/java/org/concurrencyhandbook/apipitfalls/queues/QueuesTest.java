package org.concurrencyhandbook.apipitfalls.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.apipitfalls.queues.Scenario.CAPACITY;
import static org.concurrencyhandbook.apipitfalls.queues.Scenario.CONSUMERS;
import static org.concurrencyhandbook.apipitfalls.queues.Scenario.ITEMS;

import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario for every work queue: 3 consumers waiting first, then 20 items through a queue of 4, each consumer
 * holding its item until the producer has finished or waits for room. Counted: items handled, consumers that never
 * ended, a producer left waiting. Every wait is forced, none timed: the same counts on every run, one CPU included.
 * Judged by {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class QueuesTest {

    @Test
    void anIgnoredOfferDropsItemsAndOnePillLeavesTwoConsumersWaitingForever(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        // offer() accepts what the queue and the consumers' hands can hold when it is called — at least the queue's 4;
        // how many more depends on how fast the consumers wake (up to 8 of 100 runs of ./handbook check here).
        assertThat(outcome.handled()).as("items handled").isBetween(CAPACITY, ITEMS - 1);
        assertThat(outcome.consumersStuck()).as("consumers left in take()").isEqualTo(CONSUMERS - 1);
        Evidence.badShowed(reporter, "%d of %d items dropped by offer(); %d of %d consumers never ended",
                outcome.neverHandled(), ITEMS, outcome.consumersStuck(), CONSUMERS);
    }

    @Test
    void pollingUntilNullQuitsBeforeTheWorkArrives(TestReporter reporter) throws Exception {
        Fix<WorkQueue.Opener> fix = Fix.of("poll() until null", OtherQueues.PollUntilNull::new);
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.consumersStuck()).isZero();
        assertThat(outcome.handled()).as("items handled").isZero();
        assertThat(outcome.producerStuck()).isTrue();
        Evidence.wrongFixCaught(reporter, fix, "no consumer hangs, but all %d quit before the first item: %d of %d items"
                + " left behind, the producer waiting for room", CONSUMERS, outcome.neverHandled(), ITEMS);
    }

    @Test
    void putAndAPillPerConsumerHandlesEveryItemAndEndsEveryConsumer(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.handled()).isEqualTo(ITEMS);
        Evidence.goodHeld(reporter, "all %d items handled, all %d consumers ended", outcome.handled(), CONSUMERS);
    }

    @Test
    void aDoneFlagWithATimedPollHandlesEveryItemAndEndsEveryConsumer(TestReporter reporter) throws Exception {
        Fix<WorkQueue.Opener> fix = Fix.of("a done flag, poll(timeout)", OtherQueues.DoneFlagAndTimedPoll::new);
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "all %d items handled, all %d consumers ended", outcome.handled(), CONSUMERS);
    }
}
