package org.concurrencyhandbook.asyncpitfalls.pinning;

import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.testkit.Fix;

/**
 * The price lists 4.6's test runs besides Bad and Good: the fixes readers try, wrong and right. Each has a holder
 * class of its own, so each is loaded once per JVM, by its own run.
 */
final class OtherPriceLists {

    static final List<Fix<Supplier<PriceList>>> WRONG_FIXES = List.of(
            Fix.of("ReentrantLock around the fetch, in the initializer", LockInTheInitializer::new),
            Fix.of("the fetch on the common pool, joined in the initializer", FetchOnAnotherThread::new),
            Fix.of("the holder initialized in the background at start-up", InitializedInTheBackground::new));

    static final List<Fix<Supplier<PriceList>>> RIGHT_FIXES = List.of(
            Fix.of("synchronized lazy load in a method (JDK 24+)", SynchronizedLazyLoad::new),
            Fix.of("the holder initialized at start-up, on the starting thread", InitializedAtStartUp::new));

    private OtherPriceLists() {
    }

    /**
     * Runs one of these price lists, named by its class's simple name, as a main: for the ones that must run in a JVM of
     * their own, because they stall every virtual thread of the JVM they run in for good.
     */
    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(OtherPriceLists.class.getName() + "$" + args[0]);
        Scenario.demonstrate(args[0], () -> {
            try {
                return (PriceList) type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("no price list " + args[0], e);
            }
        }).exit();
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

    /**
     * The fetch handed to a virtual thread, the initializer waiting for it: the initializer's thread and every request
     * waiting for the class keep their carriers, and the fetch's virtual thread needs one to run. Once the waiters are
     * as many as the carriers, nothing runs again — a deadlock no tool reports, in the JVM's scheduler itself.
     */
    static final class FetchOnAVirtualThread implements PriceList {
        private static final class Prices {
            static final Map<String, Long> TABLE = fetchOnAVirtualThread();

            private static Map<String, Long> fetchOnAVirtualThread() {
                try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
                    // A method reference, not a lambda: a lambda's body would be a method of Prices, which no other
                    // thread may call before Prices is initialized — a class-initialization deadlock (2.6), not this.
                    Callable<Map<String, Long>> fetch = RemoteCatalog::fetchPrices;
                    return virtualThreads.submit(fetch).get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException("the fetch failed", e);
                }
            }
        }

        @Override
        public long priceOf(String item) {
            return Prices.TABLE.get(item);
        }
    }

    /**
     * "Initialize eagerly", done without waiting: start-up sets a platform thread to initialize the holder and serves
     * at once. The first requests find the initialization under way on that thread and wait for it — pinned.
     */
    static final class InitializedInTheBackground implements PriceList {
        private static final class Prices {
            static final Map<String, Long> TABLE = RemoteCatalog.fetchPrices();
        }

        @Override
        public void startUp() {
            Thread.ofPlatform().daemon().name("warm-up").start(() -> priceOf(Scenario.ITEM));
            Await.until(RemoteCatalog::fetchUnderWay, Duration.ofSeconds(5), "the warm-up did not begin the fetch");
        }

        @Override
        public long priceOf(String item) {
            return Prices.TABLE.get(item);
        }
    }

    /**
     * The Bad's initializer, waiting in 10 ms steps instead of one call: the carriers are held as long, and JFR, whose
     * threshold applies to each wait, records nothing.
     */
    static final class ShortWaitsInTheInitializer implements PriceList {
        private static final class Prices {
            static final Map<String, Long> TABLE = RemoteCatalog.fetchPrices(Duration.ofMillis(10));
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
