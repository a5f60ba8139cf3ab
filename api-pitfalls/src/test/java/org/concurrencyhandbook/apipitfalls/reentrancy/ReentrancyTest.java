package org.concurrencyhandbook.apipitfalls.reentrancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.concurrencyhandbook.testkit.FlightRecording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every inventory: one clerk, 10 pallets with {@code receive}, then a delivery with
 * {@code receiveAll}, which in the broken inventories takes the lock the clerk already holds. A thread waiting for
 * itself can never be woken, so every inventory runs in a JVM of its own — the examples through their mains, the other
 * fixes through {@link OtherInventories#main} — and hands back what it measured as
 * {@link org.concurrencyhandbook.support.Facts}, judged by {@link Scenario.Outcome#verdict()}. One thread, no race:
 * the same verdict on every run, one CPU included.
 */
@Timeout(60)
class ReentrancyTest {

    static Stream<Fix<Supplier<Inventory>>> rightFixes() {
        return OtherInventories.RIGHT_FIXES.stream();
    }

    @Test
    void theStampedLockInventoryWaitsForItselfInReceiveAll(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = ChildJvm.of(BadExample.class).collectingFacts().run();

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(bad.fact("stuck")).isEqualTo("true");
        assertThat(bad.fact("waitingIn")).as(bad.describe()).isEqualTo("StampedLock.writeLock");
        assertThat(bad.fact("stuckAt")).as("the clerk stopped in receive, called by receiveAll")
                .contains("BadExample.receive");
        Evidence.badShowed(reporter, "the clerk stuck for good: %s", bad.fact("stuckAt"));
        assertThat(bad.fact("deadlockFound")).as("a StampedLock has no owner for ThreadMXBean to name").isEqualTo("false");
        Evidence.detected(reporter, "ThreadMXBean", false, "a StampedLock has no owner, so no cycle, not even of one thread");
    }

    /** JFR as a reader would switch it on in production: see {@link FlightRecording}. */
    @Test
    void jfrRecordsNoEventOfTheClerk(TestReporter reporter) throws Exception {
        FlightRecording bad = FlightRecording.of(BadExample.class, Verdict.FAILURE_SHOWN);

        assertThat(bad.showsAStall()).as(bad.describe()).isFalse();
        assertThat(bad.waits()).as(bad.describe()).noneMatch(wait -> wait.thread().equals("dock clerk"));
        Evidence.detected(reporter, "JFR", false, "no event of the clerk, whose park never ends; its thread dump reports no"
                + " deadlock");
    }

    @Test
    void tryLockAndSkipLosesTheWholeDeliveryWithoutAWord(TestReporter reporter) throws Exception {
        Fix<Supplier<Inventory>> fix = OtherInventories.WRONG_FIXES.get(0);
        ChildJvm.Result run = ChildJvm.of(OtherInventories.class).args(fix.name()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(run.fact("stuck")).isEqualTo("false");
        assertThat(run.longFact("unitsOnHand")).as("only the pallets, received outside receiveAll")
                .isEqualTo(Scenario.FIRST_QUANTITY);
        Evidence.wrongFixCaught(reporter, fix, "no hang, but %d of %d units on hand: the delivery skipped silently",
                run.longFact("unitsOnHand"), Scenario.EXPECTED_UNITS);
    }

    @Test
    void aSemaphoreWithOnePermitWaitsForItselfToo(TestReporter reporter) throws Exception {
        Fix<Supplier<Inventory>> fix = OtherInventories.WRONG_FIXES.get(1);
        ChildJvm.Result run = ChildJvm.of(OtherInventories.class).args(fix.name()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(run.fact("stuck")).isEqualTo("true");
        assertThat(run.fact("waitingIn")).as(run.describe()).isEqualTo("Semaphore.acquireUninterruptibly");
        Evidence.wrongFixCaught(reporter, fix, "the clerk stuck for good: %s", run.fact("stuckAt"));
    }

    @Test
    void skippingTheLockWhenItIsHeldLetsASecondClerkIntoTheDelivery(TestReporter reporter) throws Exception {
        Fix<Supplier<Inventory>> fix = OtherInventories.WRONG_FIXES.get(2);
        ChildJvm.Result run = ChildJvm.of(OtherInventories.class).args(fix.name()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(run.fact("stuck")).isEqualTo("false");
        assertThat(run.fact("secondClerkGotIn")).as("the second clerk got in mid-delivery").isEqualTo("true");
        Evidence.wrongFixCaught(reporter, fix, "no hang, every unit counted (%d), but a second clerk got into the"
                + " delivery's critical section", run.longFact("unitsOnHand"));
    }

    @Test
    void lockingOnceAtThePublicEdgeReceivesEveryUnit(TestReporter reporter) throws Exception {
        ChildJvm.Result good = ChildJvm.of(GoodExample.class).collectingFacts().run();

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(good.longFact("unitsOnHand")).isEqualTo(Scenario.EXPECTED_UNITS);
        assertThat(good.fact("secondClerkGotIn")).isEqualTo("false");
        Evidence.goodHeld(reporter, "all %d units on hand, no thread stuck, the second clerk kept out until the delivery"
                + " landed", good.longFact("unitsOnHand"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixReceivesEveryUnit(Fix<Supplier<Inventory>> fix, TestReporter reporter) throws Exception {
        ChildJvm.Result run = ChildJvm.of(OtherInventories.class).args(fix.name()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "all %d units on hand", run.longFact("unitsOnHand"));
    }
}
