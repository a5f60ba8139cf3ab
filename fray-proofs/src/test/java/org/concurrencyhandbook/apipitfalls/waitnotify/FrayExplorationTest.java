package org.concurrencyhandbook.apipitfalls.waitnotify;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;
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
 * 3.8 under Fray, with no hint: a buffer of one slot, a producer putting two parcels, two consumers taking one each;
 * each consumer must get a parcel, and every thread must finish. Which waiting thread {@code notify()} wakes is one of
 * the choices Fray makes.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "3.8";

    static Stream<Fix<IntFunction<BoundedBuffer>>> wrongFixes() {
        return Stream.of(OtherBuffers.NOTIFY_ALL_STILL_IF, OtherBuffers.ONE_CONDITION_SIGNAL);
    }

    static Stream<Fix<IntFunction<BoundedBuffer>>> rightFixes() {
        return OtherBuffers.RIGHT_FIXES.stream();
    }

    private static Runnable oneSlotTwoConsumers(IntFunction<BoundedBuffer> buffers) {
        return () -> {
            BoundedBuffer buffer = buffers.apply(1);
            Queue<String> taken = new ConcurrentLinkedQueue<>();
            Runnable consumer = () -> {
                try {
                    String parcel = buffer.take();
                    if (parcel == null) {
                        throw new AssertionError("took from an empty buffer");
                    }
                    taken.add(parcel);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            Actors.runTogether(() -> {
                try {
                    buffer.putAll(List.of("parcel-1", "parcel-2"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, consumer, consumer);
            if (taken.size() != 2) {
                throw new AssertionError("taken: " + taken);
            }
        };
    }

    @Test
    void frayFindsTheWrongWakeUp(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, oneSlotTwoConsumers(BadExample::new), "a consumer woken by the"
                + " wrong notify, or threads left waiting, with no hint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<IntFunction<BoundedBuffer>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, oneSlotTwoConsumers(fix.make()));
    }

    /**
     * The lost wake-up of {@code while} with {@code notify()} — the producer and a consumer left waiting — needs the
     * one notification to wake the consumer that cannot proceed; Fray did not produce it in 300 schedules (nor in
     * 3,000, tried once).
     */
    @Test
    void frayDoesNotFindTheLostWakeUp() {
        ExplorationProof.wrongFixUnseen(PITFALL, OtherBuffers.WHILE_STILL_NOTIFY,
                oneSlotTwoConsumers(OtherBuffers.WHILE_STILL_NOTIFY.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, oneSlotTwoConsumers(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<IntFunction<BoundedBuffer>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, oneSlotTwoConsumers(fix.make()));
    }
}
