package org.concurrencyhandbook.apipitfalls.reentrancy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
 * 3.3 under Fray: one clerk receives a delivery of apples and pears while another receives one crate of apples; both
 * must complete and every item be counted. The BadExample's self-deadlock needs no interleaving at all — any schedule
 * shows it — and Fray reports it where {@code ThreadMXBean} cannot: a {@code StampedLock} has no owner.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "3.3";

    /** Its race is on the HashMap's plain fields, unguarded once the lock is skipped: nowhere for Fray to switch. */
    private static final String ON_PLAIN_FIELDS = "lock skipped when already write-locked";
    /**
     * Not explored: under Fray 0.9.2 a Semaphore that several threads wait on did not complete (2.8's pool, the
     * GUIDE's appendix) — here too, it ran past the test's time limit.
     */
    private static final String ON_A_SEMAPHORE = "Semaphore(1) as the mutex";

    static Stream<Fix<Supplier<Inventory>>> wrongFixes() {
        return OtherInventories.WRONG_FIXES.stream()
                .filter(fix -> !fix.name().equals(ON_PLAIN_FIELDS) && !fix.name().equals(ON_A_SEMAPHORE));
    }

    static Stream<Fix<Supplier<Inventory>>> rightFixes() {
        return OtherInventories.RIGHT_FIXES.stream();
    }

    private static Runnable deliveryAndCrate(Supplier<Inventory> inventories) {
        return () -> {
            Inventory inventory = inventories.get();
            Map<String, Integer> delivery = new LinkedHashMap<>();
            delivery.put("apples", 2);
            delivery.put("pears", 3);
            Actors.runTogether(() -> inventory.receiveAll(delivery), () -> inventory.receive("apples", 1));
            if (inventory.onHand("apples") != 3 || inventory.onHand("pears") != 3) {
                throw new AssertionError("on hand: apples " + inventory.onHand("apples") + " of 3, pears "
                        + inventory.onHand("pears") + " of 3");
            }
        };
    }

    @Test
    void frayFindsTheSelfDeadlock(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, deliveryAndCrate(BadExample::new), "the clerk blocked on the lock"
                + " it holds, with its stack — though a StampedLock has no owner to report");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Supplier<Inventory>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, deliveryAndCrate(fix.make()));
    }

    @Test
    void frayCannotSeeTheWrongFixOnPlainFields() {
        Fix<Supplier<Inventory>> fix = OtherInventories.WRONG_FIXES.stream()
                .filter(f -> f.name().equals(ON_PLAIN_FIELDS)).findFirst().orElseThrow();
        ExplorationProof.wrongFixUnseen(PITFALL, fix, deliveryAndCrate(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, deliveryAndCrate(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Supplier<Inventory>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, deliveryAndCrate(fix.make()));
    }
}
