package org.concurrencyhandbook.apipitfalls.queues;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 3.7 under Fray, with no hint: a producer of {@value #ITEMS} items, a queue of {@value #CAPACITY} and
 * {@value #CONSUMERS} consumers, all started together. Every item must be handled once, and every thread must end.
 * Smaller than the unit test's story, so that a schedule stays short; how fast the consumers drain is Fray's choice.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "3.7";
    private static final int ITEMS = 6;
    private static final int CAPACITY = 2;
    private static final int CONSUMERS = 2;

    static Stream<Fix<WorkQueue.Opener>> wrongFixes() {
        return Stream.of(Fix.of("poll() until null", OtherQueues.PollUntilNull::new));
    }

    static Stream<Fix<WorkQueue.Opener>> rightFixes() {
        return Stream.of(Fix.of("a done flag, poll(timeout)", OtherQueues.DoneFlagAndTimedPoll::new));
    }

    private static Runnable produceWhileConsuming(WorkQueue.Opener opener) {
        return () -> {
            WorkQueue queue = opener.open(CAPACITY, CONSUMERS);
            Queue<Integer> handled = new ConcurrentLinkedQueue<>();
            Runnable consumer = () -> {
                try {
                    queue.consume(handled::add);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            Runnable producer = () -> {
                try {
                    queue.produce(IntStream.rangeClosed(1, ITEMS).boxed().toList());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            Actors.runTogether(Stream.concat(Stream.of(producer), Stream.generate(() -> consumer).limit(CONSUMERS))
                    .toArray(Runnable[]::new));
            if (!handled.stream().sorted().toList().equals(IntStream.rangeClosed(1, ITEMS).boxed().toList())) {
                throw new AssertionError("handled " + handled + " of items 1.." + ITEMS);
            }
        };
    }

    @Test
    void frayFindsTheConsumersLeftWaiting(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, produceWhileConsuming(BadExample::new), "a consumer waiting for ever"
                + " for a second poison pill, with every blocked thread's stack");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<WorkQueue.Opener> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, produceWhileConsuming(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, produceWhileConsuming(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<WorkQueue.Opener> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, produceWhileConsuming(fix.make()));
    }
}
