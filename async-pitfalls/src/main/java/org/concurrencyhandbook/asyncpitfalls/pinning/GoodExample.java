package org.concurrencyhandbook.asyncpitfalls.pinning;

import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * 4.6 Virtual-thread pinning — the price list loaded lazily by an ordinary method, under a lock.
 *
 * <p>The same fetch, the same "first caller loads, the others wait" — but in a method, not a class initializer. A
 * virtual thread that blocks there unmounts and frees its carrier, and those waiting for the lock park and free
 * theirs: other requests run on while the list loads. What pins is the frame the blocking happens under, not the lock
 * chosen; a {@code ReentrantLock} works from JDK 21 on, {@code synchronized} from JDK 24.
 *
 * <p>Run it: {@code ./handbook 4.6}. It exits 0 because JFR recorded no pinned virtual thread and the other requests
 * started at once while the list loaded.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.6} printed:
 * <pre>
 * 2 price requests (one per carrier of the virtual-thread scheduler) ask for the price list, which loads from the remote catalog for 500 ms.
 * 100 other requests, which need no prices, arrived while it loaded: 0 of them waited 250 ms or more to start (the shortest wait 1 ms, the longest 3 ms).
 * JFR recorded no jdk.VirtualThreadPinned event on these requests.
 * The JSON thread dump taken meanwhile shows no price request waiting on a carrier.
 * The carriers stayed free while the list loaded: the other requests started at once.
 * </pre>
 */
public final class GoodExample implements PriceList {

    private final ReentrantLock loading = new ReentrantLock();
    private volatile Map<String, Long> table;

    @Override
    public long priceOf(String item) {
        Map<String, Long> loaded = table;
        if (loaded == null) {
            loading.lock();
            try {
                loaded = table;
                if (loaded == null) {
                    loaded = RemoteCatalog.fetchPrices();
                    table = loaded;
                }
            } finally {
                loading.unlock();
            }
        }
        return loaded.get(item);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
