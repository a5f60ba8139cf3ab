package org.concurrencyhandbook.contentiondeadlock.livelock;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
 * 2.2 under Fray, with no hint: two polite workers, one copy each, taking the scanner and the printer in opposite
 * orders — no hook holds them in step. A livelock has no end to detect, so the scenario bounds it: both workers
 * refused {@value #REFUSALS_EACH} times each before either copy is made is the two giving way to each other, again and
 * again — not one worker waiting while the other is merely descheduled.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "2.2";
    private static final int REFUSALS_EACH = 10;

    static Stream<Fix<Function<CopyRoom.Attempt, CopyRoom>>> wrongFixes() {
        return LivelockTest.wrongFixes();
    }

    static Stream<Fix<Function<CopyRoom.Attempt, CopyRoom>>> rightFixes() {
        return LivelockTest.rightFixes();
    }

    private static Runnable twoCopiesInOppositeOrders(Function<CopyRoom.Attempt, CopyRoom> roomOn) {
        return () -> {
            AtomicInteger copies = new AtomicInteger();
            Map<String, Integer> refusals = new ConcurrentHashMap<>();
            CopyRoom room = roomOn.apply(new CopyRoom.Attempt() {
                @Override
                public void holdingFirst() {
                }

                @Override
                public void refused() {
                    refusals.merge(Thread.currentThread().getName(), 1, Integer::sum);
                    if (copies.get() == 0 && refusals.size() == 2 && Collections.min(refusals.values()) >= REFUSALS_EACH) {
                        throw new AssertionError("refused " + refusals + ", no copy made: the workers keep giving way to"
                                + " each other");
                    }
                }

                @Override
                public void putBack() {
                }
            });
            Device scanner = new Device("scanner", 1);
            Device printer = new Device("printer", 2);
            Actors.runTogether(() -> room.copy(scanner, printer, copies::incrementAndGet),
                    () -> room.copy(printer, scanner, copies::incrementAndGet));
        };
    }

    @Test
    void frayFindsTheWorkersGivingWayForEver(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, twoCopiesInOppositeOrders(BadExample::new), "the two workers refused"
                + " again and again, no copy made, with no hint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Function<CopyRoom.Attempt, CopyRoom>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, twoCopiesInOppositeOrders(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, twoCopiesInOppositeOrders(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Function<CopyRoom.Attempt, CopyRoom>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, twoCopiesInOppositeOrders(fix.make()));
    }
}
