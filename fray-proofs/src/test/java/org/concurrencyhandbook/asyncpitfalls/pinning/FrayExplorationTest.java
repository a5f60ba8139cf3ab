package org.concurrencyhandbook.asyncpitfalls.pinning;

import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 4.6 under Fray: the price list initialized at start-up on the main thread (a recommended fix), then two requests
 * for a price, each on a virtual thread. Pinning is a property of virtual threads and their carriers, and Fray 0.9.2
 * does not schedule virtual threads: this code, which cannot deadlock, is reported deadlocked. Asserted, so that the
 * matrix says "cannot run" only while it is true. (The GoodExample itself, its fetch on a virtual thread, did not end
 * within the test's 120 s under Fray.)
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "4.6";

    @Test
    void frayCannotRunVirtualThreads(TestReporter reporter) {
        ExplorationProof.cannotRun(reporter, PITFALL, () -> {
            PriceList prices = new OtherPriceLists.InitializedAtStartUp();
            prices.startUp();
            Actors.runTogetherOnVirtualThreads(() -> prices.priceOf("tea"), () -> prices.priceOf("coffee"));
        }, "Fray 0.9.2 does not schedule virtual threads");
    }
}
