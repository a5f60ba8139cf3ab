package org.concurrencyhandbook.syncstate.collectionrace;

import java.util.function.Supplier;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 1.2 under Fray: two loaders each add an order to the index; both must be there. A {@code HashMap}'s fields are
 * plain, and Fray switches threads only at synchronization points: it runs each {@code put} whole, and finds nothing.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "1.2";

    private static Runnable twoLoaders(Supplier<OrderIndex> indexes) {
        return () -> {
            OrderIndex index = indexes.get();
            Actors.runTogether(() -> index.add(1, "ada"), () -> index.add(2, "grace"));
            if (index.size() != 2 || !index.contains(1) || !index.contains(2)) {
                throw new AssertionError("an order was lost: size " + index.size());
            }
        };
    }

    @Test
    void frayCannotSeeARaceOnPlainFields(TestReporter reporter) {
        ExplorationProof.badUnseen(reporter, PITFALL, twoLoaders(BadExample::new), "a HashMap's fields are plain, not"
                + " switch points: Fray runs each put whole");
    }
}
