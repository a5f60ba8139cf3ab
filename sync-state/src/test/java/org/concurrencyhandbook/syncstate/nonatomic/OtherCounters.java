package org.concurrencyhandbook.syncstate.nonatomic;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The counters 1.6's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherCounters {

    private OtherCounters() {
    }

    /**
     * Wrong: the total fixed with an atomic, the map left as get-then-put — the half fix. It tempts because the map is a
     * {@code ConcurrentHashMap}; it fails because two atomic calls are not one atomic step.
     */
    static final class AtomicTotalGetThenPut implements HitCounter {
        private final AtomicInteger total = new AtomicInteger();
        private final Map<String, Long> perPage = new ConcurrentHashMap<>();

        @Override
        public void hit(String page) {
            total.incrementAndGet();
            Long hits = perPage.get(page);
            perPage.put(page, hits == null ? 1 : hits + 1);
        }

        @Override
        public long total() {
            return total.get();
        }

        @Override
        public long hits(String page) {
            return perPage.getOrDefault(page, 0L);
        }
    }

    /**
     * Wrong: {@code volatile} on the total, {@code merge} on the map. It tempts because {@code volatile} is "the
     * thread-safe keyword"; it fails because it orders the read and the write of {@code total++}, it does not fuse them.
     */
    static final class VolatileTotalMerge implements HitCounter {
        private volatile int total;
        private final Map<String, Long> perPage = new ConcurrentHashMap<>();

        @Override
        public void hit(String page) {
            total++;
            perPage.merge(page, 1L, Long::sum);
        }

        @Override
        public long total() {
            return total;
        }

        @Override
        public long hits(String page) {
            return perPage.getOrDefault(page, 0L);
        }
    }

    /**
     * Wrong: a {@code Collections.synchronizedMap}, get then put. It tempts because every call on it locks; it fails
     * because the lock is released between the two calls.
     */
    static final class SynchronizedMapGetThenPut implements HitCounter {
        private final AtomicInteger total = new AtomicInteger();
        private final Map<String, Long> perPage = Collections.synchronizedMap(new HashMap<>());

        @Override
        public void hit(String page) {
            total.incrementAndGet();
            Long hits = perPage.get(page);
            perPage.put(page, hits == null ? 1 : hits + 1);
        }

        @Override
        public long total() {
            return total.get();
        }

        @Override
        public long hits(String page) {
            return perPage.getOrDefault(page, 0L);
        }
    }

    /** Right: one lock around the whole update, the plain fields inside it — simple, and right for several fields. */
    static final class SynchronizedHit implements HitCounter {
        private int total;
        private final Map<String, Long> perPage = new HashMap<>();

        @Override
        public synchronized void hit(String page) {
            total++;
            perPage.merge(page, 1L, Long::sum);
        }

        @Override
        public synchronized long total() {
            return total;
        }

        @Override
        public synchronized long hits(String page) {
            return perPage.getOrDefault(page, 0L);
        }
    }

    /** Right: {@code LongAdder}s, one per page made once by {@code computeIfAbsent} — for many writers, rare reads. */
    static final class LongAdders implements HitCounter {
        private final LongAdder total = new LongAdder();
        private final Map<String, LongAdder> perPage = new ConcurrentHashMap<>();

        @Override
        public void hit(String page) {
            total.increment();
            perPage.computeIfAbsent(page, p -> new LongAdder()).increment();
        }

        @Override
        public long total() {
            return total.sum();
        }

        @Override
        public long hits(String page) {
            LongAdder hits = perPage.get(page);
            return hits == null ? 0 : hits.sum();
        }
    }
}
