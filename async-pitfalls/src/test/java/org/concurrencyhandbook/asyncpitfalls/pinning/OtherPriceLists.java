package org.concurrencyhandbook.asyncpitfalls.pinning;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.concurrencyhandbook.testkit.Fix;

/**
 * The price lists 4.6's test runs besides Bad and Good: the fixes readers try, wrong and right. Each has a holder
 * class of its own, so each is loaded once per JVM, by its own run.
 */
final class OtherPriceLists {

    static final List<Fix<Supplier<PriceList>>> WRONG_FIXES = List.of(
            Fix.of("ReentrantLock around the fetch, in the initializer", LockInTheInitializer::new),
            Fix.of("the fetch on another thread, joined in the initializer", FetchOnAnotherThread::new));

    static final List<Fix<Supplier<PriceList>>> RIGHT_FIXES = List.of(
            Fix.of("synchronized lazy load in a method (JDK 24+)", SynchronizedLazyLoad::new),
            Fix.of("the holder initialized at start-up, on the starting thread", InitializedAtStartUp::new));

    private OtherPriceLists() {
    }

    /**
     * The pre-JDK 24 advice against pinning — "use a {@code ReentrantLock}, not {@code synchronized}" — applied where
     * the blocking is: it changes nothing, because the initializer's frame pins, not the lock.
     */
    static final class LockInTheInitializer implements PriceList {
        private static final class Prices {
            private static final ReentrantLock FETCHING = new ReentrantLock();
            static final Map<String, Long> TABLE;

            static {
                FETCHING.lock();
                try {
                    TABLE = RemoteCatalog.fetchPrices();
                } finally {
                    FETCHING.unlock();
                }
            }
        }

        @Override
        public long priceOf(String item) {
            return Prices.TABLE.get(item);
        }
    }

    /**
     * The fetch handed to the common pool, the initializer waiting for it: the wait is itself a park inside the
     * initializer, and pins as the fetch did.
     */
    static final class FetchOnAnotherThread implements PriceList {
        private static final class Prices {
            static final Map<String, Long> TABLE = CompletableFuture.supplyAsync(RemoteCatalog::fetchPrices).join();
        }

        @Override
        public long priceOf(String item) {
            return Prices.TABLE.get(item);
        }
    }

    /** {@code synchronized} no longer pins a virtual thread that blocks inside it, since JDK 24 (JEP 491). */
    static final class SynchronizedLazyLoad implements PriceList {
        private Map<String, Long> table;

        @Override
        public synchronized long priceOf(String item) {
            if (table == null) {
                table = RemoteCatalog.fetchPrices();
            }
            return table.get(item);
        }
    }

    /**
     * The lazy holder of the BadExample, initialized before any request, on the starting platform thread: the
     * initializer still blocks, but no virtual thread is in it or waits for it.
     */
    static final class InitializedAtStartUp implements PriceList {
        private static final class Prices {
            static final Map<String, Long> TABLE = RemoteCatalog.fetchPrices();
        }

        @Override
        public void startUp() {
            priceOf(Scenario.ITEM);
        }

        @Override
        public long priceOf(String item) {
            return Prices.TABLE.get(item);
        }
    }
}
