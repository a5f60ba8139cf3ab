package org.concurrencyhandbook.syncstate.nonatomic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 1.6 Non-atomic operations — the broken counter, built from thread-safe-looking parts.
 *
 * <p>{@code total} is {@code volatile}, and {@code total++} still loses increments: it is a read, an add and a write
 * ({@code getfield}, {@code iadd}, {@code putfield} in bytecode), and {@code volatile} makes each access visible and
 * ordered — not the three of them indivisible. Two threads read 41, both write 42.
 *
 * <p>{@code perPage} is a {@link ConcurrentHashMap}, and {@code get} followed by {@code put} still loses hits for the
 * same reason one level up: each call is atomic, the pair is not. The map stays perfectly consistent; the count in it
 * is simply wrong.
 *
 * <p>Java has no global interpreter lock to hide this: on any JDK, two threads run these lines at the same instant.
 * Run it: {@code ./handbook 1.6}. It exits 4 (failure shown) at the first round that lost hits.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.6} printed:
 * <pre>
 * 2 threads, started together, each recorded 100,000 hits on /checkout, on a fresh counter each round.
 * LOST HITS in round 1: the total lost 14 of 200,000 increments; the page count lost 86,047 of 200,000 hits.
 * </pre>
 */
public final class BadExample implements HitCounter {

    private volatile int total;
    private final Map<String, Long> perPage = new ConcurrentHashMap<>();

    @Override
    public void hit(String page) {
        // Wrong: a read-modify-write; volatile orders the read and the write, it does not fuse them.
        total++;
        // Wrong: a check-then-act on a concurrent map; another hit can land between the get and the put.
        Long hits = perPage.get(page);
        perPage.put(page, hits == null ? 1 : hits + 1);
    }

    @Override
    public long total() {
        return total;
    }

    @Override
    public long hits(String page) {
        return perPage.getOrDefault(page, 0L);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
