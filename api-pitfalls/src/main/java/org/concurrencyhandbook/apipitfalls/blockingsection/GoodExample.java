package org.concurrencyhandbook.apipitfalls.blockingsection;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * 3.2 Blocking in a critical section — a future per symbol, the fetch outside every lock.
 *
 * <p>The cache maps each symbol to the <em>future</em> of its price. The first reader of a symbol puts an empty future
 * in the map — one short, atomic {@code putIfAbsent}, no I/O — and then fetches outside any lock, and completes the
 * future; a reader who finds a future waits for that one fetch instead of starting another. Readers of other
 * symbols never wait for it: the map's own locking lasts as long as {@code putIfAbsent}, and the fetch holds nothing.
 * A failed fetch is removed from the map, so that the next reader tries again. This is the memoizer of <i>Java
 * Concurrency in Practice</i> §5.6, with {@code CompletableFuture} in the place of {@code FutureTask}.
 *
 * <p>Run it: {@code ./handbook 3.2}. It exits 0 because nobody waited for another symbol's fetch and each symbol was
 * fetched once.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.2} printed:
 * <pre>
 * The quote service held the fetch of Aa open; meanwhile a reader asked for BB, whose fetch takes no time.
 * The reader of BB got its price while the fetch of Aa was still open.
 * Then 4 readers asked for Cc at once: the service was asked once.
 * The first fetch of Dd failed; the next reader of Dd got its price.
 * Nobody waited for a fetch it did not need, each symbol was fetched once, and a failure was not kept.
 * </pre>
 */
public final class GoodExample implements QuoteCache {

    private final QuoteService service;
    private final ConcurrentMap<String, CompletableFuture<Long>> prices = new ConcurrentHashMap<>();

    public GoodExample(QuoteService service) {
        this.service = service;
    }

    @Override
    public long price(String symbol) {
        CompletableFuture<Long> price = prices.get(symbol);
        if (price == null) {
            CompletableFuture<Long> mine = new CompletableFuture<>();
            price = prices.putIfAbsent(symbol, mine);
            if (price == null) {
                price = mine;
                fetchInto(symbol, mine);
            }
        }
        return price.join();
    }

    private void fetchInto(String symbol, CompletableFuture<Long> price) {
        try {
            price.complete(service.fetch(symbol));
        } catch (RuntimeException | Error failure) {
            prices.remove(symbol, price);
            price.completeExceptionally(failure);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
