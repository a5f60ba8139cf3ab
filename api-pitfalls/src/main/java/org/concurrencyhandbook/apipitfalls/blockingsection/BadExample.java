package org.concurrencyhandbook.apipitfalls.blockingsection;

import java.util.HashMap;
import java.util.Map;

/**
 * 3.2 Blocking in a critical section — the cache that calls the network under its lock.
 *
 * <p>{@code price} is {@code synchronized}, and on a miss it fetches the quote before it lets go: the lock that every
 * reader of every symbol needs is held for the length of a network call. It is correct — each symbol is fetched once —
 * and a reader of a symbol that is already cached, or whose own fetch would take a millisecond, waits the whole
 * round trip of somebody else's. One slow response stalls every reader of the cache.
 *
 * <p>Run it: {@code ./handbook 3.2}. It exits 4 (failure shown) because a reader of another symbol waited for the fetch.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.2} printed:
 * <pre>
 * The quote service held the fetch of Aa open; meanwhile a reader asked for BB, whose fetch takes no time.
 * The reader of BB was stuck until the fetch of Aa ended — waiting for a network call it did not need.
 * Then 4 readers asked for Cc at once: the service was asked once.
 * BLOCKED BEHIND I/O: the cache held its lock across a network call.
 * The first fetch of Dd failed; the next reader of Dd got its price.
 * </pre>
 */
public final class BadExample implements QuoteCache {

    private final QuoteService service;
    private final Map<String, Long> prices = new HashMap<>();

    public BadExample(QuoteService service) {
        this.service = service;
    }

    @Override
    public synchronized long price(String symbol) {
        Long cached = prices.get(symbol);
        if (cached == null) {
            // Wrong: a network call with the cache's only lock held.
            cached = service.fetch(symbol);
            prices.put(symbol, cached);
        }
        return cached;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
