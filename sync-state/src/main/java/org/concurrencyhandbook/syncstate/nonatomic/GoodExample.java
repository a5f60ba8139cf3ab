package org.concurrencyhandbook.syncstate.nonatomic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 1.6 Non-atomic operations — the fixed counter: atomic read-modify-writes.
 *
 * <p>{@link AtomicInteger#incrementAndGet()} is the read, the add and the write as one hardware instruction
 * ({@code lock xadd} on x86-64). {@link ConcurrentHashMap#merge} does the map's read-modify-write under the lock of
 * the key's bin: "if absent put 1, else add 1" happens as one step.
 *
 * <p>For counters that many threads bump and few read, {@code LongAdder} scales better than {@code AtomicInteger}
 * (see 1.3's benchmark), and {@code ConcurrentHashMap<String, LongAdder>} with
 * {@code computeIfAbsent(page, p -> new LongAdder()).increment()} avoids boxing a new {@code Long} per hit.
 *
 * <p>Run it: {@code ./handbook 1.6}. It exits 0: every hit counted, in every round.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.6} printed:
 * <pre>
 * 2 threads, started together, each recorded 100,000 hits on /checkout, on a fresh counter each round.
 * All 55 rounds (30 with the threads overlapping for at least half of the shorter run) counted all 200,000 hits, in the total and for the page.
 * </pre>
 */
public final class GoodExample implements HitCounter {

    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, Long> perPage = new ConcurrentHashMap<>();

    @Override
    public void hit(String page) {
        total.incrementAndGet();
        perPage.merge(page, 1L, Long::sum);
    }

    @Override
    public long total() {
        return total.get();
    }

    @Override
    public long hits(String page) {
        return perPage.getOrDefault(page, 0L);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
