package org.concurrencyhandbook.apipitfalls.reentrancy;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Facts;
import org.concurrencyhandbook.support.LockNames;
import org.concurrencyhandbook.support.ObserverAtSeam;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario every inventory runs: one dock clerk receives 10 pallets with {@code receive}, then a delivery of 100
 * bolts, 200 nuts and 300 washers with {@code receiveAll}. Between the delivery's first and second line — the
 * delivery's {@code forEach} is the seam — a second clerk, through an {@link ObserverAtSeam}, tries to receive 5
 * pallets: it must not get in until the delivery has landed, which is the promise of {@code receiveAll} (an inventory
 * that "fixes" the self-deadlock by skipping the lock lets it in). The scenario waits until the dock clerk has
 * finished or is waiting, gives a waiting clerk {@value #GRACE_MILLIS} ms more — the one timed judgment, harmless for
 * any inventory that does not wait for something slow inside {@code receiveAll} — and then counts the stock: 615
 * units must be on hand.
 *
 * <p>A clerk that waits for itself can never be woken: a {@code StampedLock}'s {@code writeLock()} does not answer
 * interrupts. It is a daemon thread, and the main ends the JVM; the test runs every inventory in a JVM of its own,
 * reading what it measured from {@link Facts}.
 */
final class Scenario {

    static final Map<String, Integer> DELIVERY = delivery();
    static final String FIRST_ITEM = "pallets";
    static final int FIRST_QUANTITY = 10;
    static final int SECOND_QUANTITY = 5;
    static final int EXPECTED_UNITS = FIRST_QUANTITY + SECOND_QUANTITY
            + DELIVERY.values().stream().mapToInt(Integer::intValue).sum();
    static final long GRACE_MILLIS = 200;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /**
     * Whether the clerk stopped for good, where, and whether {@code ThreadMXBean} calls it a deadlock; else how many
     * units the inventory holds.
     */
    record Outcome(boolean stuck, String stuckAt, String waitingIn, boolean deadlockFound, boolean secondClerkGotIn,
                   int unitsOnHand) {
        int unitsLost() {
            return EXPECTED_UNITS - unitsOnHand;
        }

        Verdict verdict() {
            return stuck || secondClerkGotIn || unitsOnHand != EXPECTED_UNITS ? Verdict.FAILURE_SHOWN : Verdict.INVARIANT_HELD;
        }
    }

    static Outcome run(Supplier<Inventory> opener) throws InterruptedException {
        Inventory inventory = opener.get();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean midDelivery = new AtomicBoolean();
        AtomicBoolean secondClerkGotIn = new AtomicBoolean();
        ObserverAtSeam secondClerk = new ObserverAtSeam("second clerk", 1);
        secondClerk.start(() -> {
            inventory.receive(FIRST_ITEM, SECOND_QUANTITY);
            if (midDelivery.get()) {
                secondClerkGotIn.set(true);
            }
        });
        Map<String, Integer> delivery = new DeliveryWithASeam(DELIVERY, () -> {
            midDelivery.set(true);
            secondClerk.seamReached();
            midDelivery.set(false);
        });
        Workers workers = new Workers();
        Thread clerk = workers.add("dock clerk", () -> {
            inventory.receive(FIRST_ITEM, FIRST_QUANTITY);
            inventory.receiveAll(delivery);
            finished.set(true);
        });
        workers.startAll();
        Await.arrivedOrBlocked(List.of(clerk), thread -> finished.get(), PATIENCE);
        if (!clerk.join(Duration.ofMillis(GRACE_MILLIS))) {
            return new Outcome(true, StallDetector.describe(List.of(clerk), LockNames.none()).getFirst() + "; its calls,"
                    + " innermost first: " + ownCalls(clerk), StallDetector.waitingIn(clerk),
                    StallDetector.findDeadlock(List.of(clerk)).isPresent(), false, -1);
        }
        workers.awaitAll(PATIENCE);
        secondClerk.awaitLooks(1);
        secondClerk.finish();
        int onHand = inventory.onHand(FIRST_ITEM);
        for (String item : DELIVERY.keySet()) {
            onHand += inventory.onHand(item);
        }
        return new Outcome(false, "", "", false, secondClerkGotIn.get(), onHand);
    }

    static Verdict demonstrate(String example, Supplier<Inventory> opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("3.3 Non-reentrant lock self-deadlock — %s%n", example);
        System.out.printf("One dock clerk received %d %s, then a delivery of %s with receiveAll().%n", FIRST_QUANTITY,
                FIRST_ITEM, inWords(DELIVERY));
        if (outcome.stuck()) {
            System.out.printf("The clerk never finished: %s.%n", outcome.stuckAt());
            System.out.println("SELF-DEADLOCK: the clerk waits for a lock that it holds itself — no other thread ever"
                    + " touched it, and none can release it.");
            System.out.println(outcome.deadlockFound()
                    ? "ThreadMXBean.findDeadlockedThreads() reports it."
                    : "ThreadMXBean.findDeadlockedThreads() reports nothing: the lock has no owner it could name.");
        } else {
            System.out.printf("A second clerk came with %d more %s in the middle of the delivery: %s.%n", SECOND_QUANTITY,
                    FIRST_ITEM, outcome.secondClerkGotIn() ? "it got in, and the delivery was no longer one step"
                            : "it waited until the delivery had landed");
            System.out.printf("On hand: %,d units of the %,d received.%n", outcome.unitsOnHand(), EXPECTED_UNITS);
            if (outcome.secondClerkGotIn()) {
                System.out.println("NO EXCLUSION: another thread got into receiveAll's critical section — the lock was"
                        + " skipped, not held.");
            }
            if (outcome.unitsLost() != 0) {
                System.out.printf("LOST: %,d units received and never counted — the work was skipped, and nobody was"
                        + " told.%n", outcome.unitsLost());
            } else if (!outcome.secondClerkGotIn()) {
                System.out.println("The whole delivery was received as one step, every unit of it.");
            }
        }
        Facts.record("verdict", outcome.verdict());
        Facts.record("stuck", outcome.stuck());
        Facts.record("waitingIn", outcome.waitingIn());
        Facts.record("stuckAt", outcome.stuckAt());
        Facts.record("deadlockFound", outcome.deadlockFound());
        Facts.record("secondClerkGotIn", outcome.secondClerkGotIn());
        Facts.record("unitsOnHand", outcome.unitsOnHand());
        return outcome.verdict();
    }

    /** The inventory's methods on the thread's stack, innermost first, each once: {@code receive ← receiveAll}. */
    private static String ownCalls(Thread thread) {
        String inventoryPackage = Scenario.class.getPackageName() + ".";
        return String.join(" ← ", Arrays.stream(thread.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith(inventoryPackage) && !frame.getMethodName().startsWith("lambda$")
                        && !frame.getClassName().startsWith(Scenario.class.getName()))
                .map(frame -> frame.getClassName().substring(inventoryPackage.length()) + "." + frame.getMethodName())
                .distinct().toList());
    }

    /**
     * A delivery whose {@code forEach} stops at a seam between its first and second line: where another thread would
     * have to be unlucky to arrive, made certain.
     */
    private static final class DeliveryWithASeam extends AbstractMap<String, Integer> {
        private final Map<String, Integer> lines;
        private final Runnable seam;

        DeliveryWithASeam(Map<String, Integer> lines, Runnable seam) {
            this.lines = lines;
            this.seam = seam;
        }

        @Override
        public Set<Entry<String, Integer>> entrySet() {
            return lines.entrySet();
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Integer> action) {
            int line = 0;
            for (Entry<String, Integer> entry : lines.entrySet()) {
                if (line++ == 1) {
                    seam.run();
                }
                action.accept(entry.getKey(), entry.getValue());
            }
        }
    }

    private static Map<String, Integer> delivery() {
        Map<String, Integer> delivery = new LinkedHashMap<>();
        delivery.put("bolts", 100);
        delivery.put("nuts", 200);
        delivery.put("washers", 300);
        return Collections.unmodifiableMap(delivery);
    }

    private static String inWords(Map<String, Integer> delivery) {
        return String.join(", ", delivery.entrySet().stream().map(line -> line.getValue() + " " + line.getKey()).toList());
    }
}
