package org.concurrencyhandbook.apipitfalls.waitnotify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntFunction;
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
 * One scenario for every buffer: room for one parcel, consumer-1 and then consumer-2 waiting on it empty; one parcel
 * put, then a batch of two. The wait set's order is forced, and the producer holds the monitor while the woken
 * consumer waits for it, so the same takes happen on every run, one CPU included; the only timed judgment is the
 * 1 s after which a thread still waiting waits for good. Judged by {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class WaitNotifyTest {

    static Stream<Fix<IntFunction<BoundedBuffer>>> rightFixes() {
        return OtherBuffers.RIGHT_FIXES.stream();
    }

    @Test
    void ifAroundWaitTakesFromAnEmptyBufferInBothScenes(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.oneParcel().taken()).as("one parcel, and a take from the empty buffer")
                .containsExactly("parcel-1", null);
        assertThat(outcome.batch().taken()).containsExactly("parcel-3", null);
        assertThat(outcome.batch().neverDelivered()).as("put over the broken count, never taken").containsExactly("parcel-4");
        Evidence.badShowed(reporter, "%s; %s, and parcel-4 never delivered", outcome.oneParcel().takes(),
                outcome.batch().takes());
    }

    @Test
    void notifyAllWithAnIfStillTakesFromAnEmptyBuffer(TestReporter reporter) throws Exception {
        Fix<IntFunction<BoundedBuffer>> fix = OtherBuffers.NOTIFY_ALL_STILL_IF;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.oneParcel().taken()).containsExactlyInAnyOrder("parcel-1", null);
        assertThat(outcome.oneParcel().stuck()).isEmpty();
        Evidence.wrongFixCaught(reporter, fix, "nobody left waiting, but both consumers woke for one parcel: %s",
                outcome.oneParcel().takes());
    }

    @Test
    void whileWithNotifyWakesTheOtherConsumerAndLeavesTheProducerWaiting(TestReporter reporter) throws Exception {
        Fix<IntFunction<BoundedBuffer>> fix = OtherBuffers.WHILE_STILL_NOTIFY;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.oneParcel().held()).as("one kind of waiter: notify() is enough").isTrue();
        assertThat(outcome.batch().taken()).containsExactly("parcel-3");
        assertThat(outcome.batch().stuck()).as("the producer with parcel-4, and consumer-2 waiting for it")
                .containsExactly("producer waits in Object.wait", "consumer-2 waits in Object.wait");
        Evidence.wrongFixCaught(reporter, fix, "nothing taken from nothing, but in the batch: %s", outcome.batch().stuck());
        assertThat(outcome.batch().deadlockFound()).as("threads in wait() hold no lock").isFalse();
        Evidence.detected(reporter, "ThreadMXBean", false, "the producer and consumer-2 wait in Object.wait, holding no"
                + " lock and waiting for no owner: no cycle to find");
    }

    @Test
    void oneConditionWithSignalLosesTheWakeUpToo(TestReporter reporter) throws Exception {
        Fix<IntFunction<BoundedBuffer>> fix = OtherBuffers.ONE_CONDITION_SIGNAL;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.batch().stuck()).as("the producer with parcel-4, and consumer-2 waiting for it")
                .containsExactly("producer waits in AbstractQueuedSynchronizer.ConditionObject.await",
                        "consumer-2 waits in AbstractQueuedSynchronizer.ConditionObject.await");
        Evidence.wrongFixCaught(reporter, fix, "one wait set again: in the batch, %s", outcome.batch().stuck());
    }

    @Test
    void aConditionPerPredicateDeliversEveryParcelOnce(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.oneParcel().taken()).containsExactly("parcel-1", "parcel-2");
        assertThat(outcome.batch().taken()).containsExactly("parcel-3", "parcel-4");
        Evidence.goodHeld(reporter, "%s; %s; nobody left waiting", outcome.oneParcel().takes(), outcome.batch().takes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixDeliversEveryParcelOnce(Fix<IntFunction<BoundedBuffer>> fix, TestReporter reporter)
            throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "%s; %s; nobody left waiting", outcome.oneParcel().takes(),
                outcome.batch().takes());
    }
}
