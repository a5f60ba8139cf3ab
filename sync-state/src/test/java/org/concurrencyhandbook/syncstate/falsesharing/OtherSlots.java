package org.concurrencyhandbook.syncstate.falsesharing;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The other slot layouts {@link FalseSharingTest} measures: wrong fixes readers try, and another fix. Each is measured
 * in a JVM of its own, as the mains are: in one JVM the measuring loops would see several layouts and be compiled for
 * all of them, which moved the padded layout's "alone" baseline by a third in our runs. {@link #main} takes the name.
 */
final class OtherSlots {

    static final String PADDED_ONE_LINE_FROM_THE_START = "64 bytes apart, from slot 0";
    static final String COUNTER_ALLOCATED_BY_ITS_WORKER = "a counter each worker allocates itself";

    private OtherSlots() {
    }

    public static void main(String[] args) throws InterruptedException {
        switch (args[0]) {
            case PADDED_ONE_LINE_FROM_THE_START -> Contention.demonstrate(args[0], PaddedOneLineFromTheStart::new).exit();
            case COUNTER_ALLOCATED_BY_ITS_WORKER -> Contention.demonstrate(args[0], CounterAllocatedByItsWorker::new).exit();
            default -> throw new IllegalArgumentException("no layout named " + args[0]);
        }
    }

    /**
     * Tempts because "a cache line is 64 bytes, so pad by 64": slots 0 and 8 are in different lines. But slot 0 shares
     * its line with the array's header, and every bounds check of the other worker reads the array's length there.
     */
    static final class PaddedOneLineFromTheStart implements HitSlots {
        private static final int SPACING = 8;
        private final AtomicLongArray slots = new AtomicLongArray(2 * SPACING);

        @Override
        public void hit(int worker) {
            slots.setOpaque(worker * SPACING, slots.getOpaque(worker * SPACING) + 1);
        }

        @Override
        public long hits(int worker) {
            return slots.getOpaque(worker * SPACING);
        }
    }

    /**
     * Holds because each worker's counter is allocated by the worker itself, in its own thread-local allocation
     * buffer, far from the other's; nothing a worker writes is in a line the other touches.
     */
    static final class CounterAllocatedByItsWorker implements HitSlots {
        private final AtomicReferenceArray<long[]> counters = new AtomicReferenceArray<>(2);
        private final ThreadLocal<long[]> mine = new ThreadLocal<>();

        @Override
        public void hit(int worker) {
            long[] counter = mine.get();
            if (counter == null) {
                counter = new long[1];
                mine.set(counter);
                counters.set(worker, counter);
            }
            counter[0]++;
        }

        @Override
        public long hits(int worker) {
            long[] counter = counters.get(worker);
            return counter == null ? 0 : counter[0];
        }
    }
}
