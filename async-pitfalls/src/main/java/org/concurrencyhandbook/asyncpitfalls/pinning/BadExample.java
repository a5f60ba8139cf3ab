package org.concurrencyhandbook.asyncpitfalls.pinning;

import java.util.Map;

/**
 * 4.6 Virtual-thread pinning — the price list in a lazy holder class, loaded by its static initializer.
 *
 * <p>The initialization-on-demand holder is the textbook lazy singleton: the JVM runs {@code Prices}'s initializer
 * once, on first use, and makes every other thread that uses it meanwhile wait. On platform threads a slow
 * initializer costs the waiters their time. On virtual threads, on JDK 25, it costs the application its carriers: a
 * virtual thread that blocks in a class initializer cannot unmount (the initializer is entered through the VM), nor can
 * one that waits for another thread's initialization. Two requests — one per carrier on two cores — and nothing else
 * runs until the fetch returns. JDK 24 (JEP 491) stopped {@code synchronized} and {@code Object.wait} from pinning;
 * class initializers still pin in 25.
 *
 * <p>Run it: {@code ./handbook 4.6}. It exits 4 (failure shown) because JFR recorded pinned virtual threads and the
 * other requests could not start until the fetch returned.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.6} printed:
 * <pre>
 * 2 price requests (one per carrier of the virtual-thread scheduler) ask for the price list, which loads from the remote catalog for 500 ms.
 * 100 other requests, which need no prices, arrived while it loaded: 100 of them waited 250 ms or more to start (the shortest wait 480 ms, the longest 483 ms).
 * JFR recorded 2 jdk.VirtualThreadPinned events:
 *   "price request 1" pinned 500 ms: VM call to BadExample$Prices.&lt;clinit&gt; on stack (blocked in LockSupport.park)
 *   "price request 2" pinned 499 ms: Waited for initialization of BadExample$Prices by another thread (blocked in Object.wait)
 * The JSON thread dump taken meanwhile shows 1 price request waiting while still mounted on a carrier.
 *   "price request 1" TIMED_WAITING on carrier ForkJoinPool-1-worker-1, in Prices.&lt;clinit&gt;
 *   "price request 2" RUNNABLE on carrier ForkJoinPool-1-worker-2 (a wait for another thread's class initialization shows as RUNNABLE)
 * PINNED: the price requests kept every carrier while the list loaded, and nothing else ran.
 * </pre>
 */
public final class BadExample implements PriceList {

    /** Initialized by the JVM on its first use, once; every thread that uses it meanwhile waits for that. */
    private static final class Prices {
        // Wrong: a blocking call in a class initializer keeps the virtual thread that makes it — and every one that
        // waits for it — mounted on its carrier until it returns.
        static final Map<String, Long> TABLE = RemoteCatalog.fetchPrices();
    }

    @Override
    public long priceOf(String item) {
        return Prices.TABLE.get(item);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
