package org.concurrencyhandbook.asyncpitfalls.pinning;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The remote catalog every price list loads from: one call that blocks for {@code FETCH} (500 ms), as a network call
 * does. It counts the fetches begun and under way, so that the scenario can send its other requests while one runs.
 */
final class RemoteCatalog {

    static final Duration FETCH = Duration.ofMillis(500);
    static final Map<String, Long> PRICES = Map.of("tea", 250L, "coffee", 320L);

    private static final AtomicInteger begun = new AtomicInteger();
    private static final AtomicInteger underWay = new AtomicInteger();

    private RemoteCatalog() {
    }

    static Map<String, Long> fetchPrices() {
        return fetchPrices(FETCH);
    }

    /** The same fetch, its answer awaited in waits of {@code step} — as a client that polls for it does. */
    static Map<String, Long> fetchPrices(Duration step) {
        begun.incrementAndGet();
        underWay.incrementAndGet();
        try {
            for (Duration waited = Duration.ZERO; waited.compareTo(FETCH) < 0; waited = waited.plus(step)) {
                Thread.sleep(step);
            }
            return PRICES;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the fetch of the price list was interrupted", e);
        } finally {
            underWay.decrementAndGet();
        }
    }

    static int fetchesBegun() {
        return begun.get();
    }

    static boolean fetchUnderWay() {
        return underWay.get() > 0;
    }
}
