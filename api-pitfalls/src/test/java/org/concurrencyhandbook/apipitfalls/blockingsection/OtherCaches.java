package org.concurrencyhandbook.apipitfalls.blockingsection;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** The caches 3.2's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherCaches {

    private OtherCaches() {
    }

    /**
     * Wrong: the lock dropped around the fetch and taken again to store the result. It tempts because nobody waits for
     * somebody else's network call any more; it fails because every reader that misses before the first fetch lands
     * fetches too — a stampede on the quote service, as many calls as readers.
     */
    static final class LockDroppedAroundTheFetch implements QuoteCache {
        private final QuoteService service;
        private final Map<String, Long> prices = new HashMap<>();

        LockDroppedAroundTheFetch(QuoteService service) {
            this.service = service;
        }

        @Override
        public long price(String symbol) {
            synchronized (this) {
                Long cached = prices.get(symbol);
                if (cached != null) {
                    return cached;
                }
            }
            long fetched = service.fetch(symbol);
            synchronized (this) {
                prices.putIfAbsent(symbol, fetched);
                return prices.get(symbol);
            }
        }
    }

    /**
     * Wrong: {@code ConcurrentHashMap.computeIfAbsent} with the fetch as its mapping function. It tempts because it is
     * one line, atomic, and fetches each symbol once; it fails because the map holds a lock on the symbol's bin for as
     * long as the function runs, and its Javadoc says so ("the computation should be short and simple"): a reader of
     * another symbol in the same bin — {@code "BB"} beside {@code "Aa"} — waits for the whole network call.
     */
    static final class ComputeIfAbsentFetching implements QuoteCache {
        private final QuoteService service;
        private final ConcurrentMap<String, Long> prices = new ConcurrentHashMap<>();

        ComputeIfAbsentFetching(QuoteService service) {
            this.service = service;
        }

        @Override
        public long price(String symbol) {
            return prices.computeIfAbsent(symbol, service::fetch);
        }
    }

    /**
     * Wrong: a future per symbol, as in {@code GoodExample}, without removing a failed one. It tempts because the
     * failure path is the one nobody tests; it fails because the failed future stays in the map, and every later
     * reader of that symbol gets the old failure — one network timeout, and the symbol is gone until a restart.
     */
    static final class FailedFutureKept implements QuoteCache {
        private final QuoteService service;
        private final ConcurrentMap<String, CompletableFuture<Long>> prices = new ConcurrentHashMap<>();

        FailedFutureKept(QuoteService service) {
            this.service = service;
        }

        @Override
        public long price(String symbol) {
            CompletableFuture<Long> mine = new CompletableFuture<>();
            CompletableFuture<Long> price = prices.computeIfAbsent(symbol, s -> mine);
            if (price == mine) {
                try {
                    mine.complete(service.fetch(symbol));
                } catch (RuntimeException failure) {
                    mine.completeExceptionally(failure);
                }
            }
            return price.join();
        }
    }

    /**
     * Right: the memoizer of <i>Java Concurrency in Practice</i> §5.6 — a {@code FutureTask} per symbol, put with
     * {@code putIfAbsent} and run by the reader whose put won, outside any lock — with a failed fetch removed, where
     * the book removes only a cancelled one.
     */
    static final class FutureTaskMemoizer implements QuoteCache {
        private final QuoteService service;
        private final ConcurrentMap<String, FutureTask<Long>> prices = new ConcurrentHashMap<>();

        FutureTaskMemoizer(QuoteService service) {
            this.service = service;
        }

        @Override
        public long price(String symbol) {
            FutureTask<Long> price = prices.get(symbol);
            if (price == null) {
                FutureTask<Long> mine = new FutureTask<>(() -> service.fetch(symbol));
                price = prices.putIfAbsent(symbol, mine);
                if (price == null) {
                    price = mine;
                    mine.run();
                }
            }
            try {
                return price.get();
            } catch (ExecutionException failed) {
                prices.remove(symbol, price);
                throw new IllegalStateException("could not fetch " + symbol, failed.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + symbol, e);
            }
        }
    }
}
