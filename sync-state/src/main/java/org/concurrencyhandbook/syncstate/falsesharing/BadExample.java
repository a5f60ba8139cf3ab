package org.concurrencyhandbook.syncstate.falsesharing;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * 1.12 False sharing — the slow counters: one slot per worker, side by side in one array.
 *
 * <p>Each worker writes only its own slot, so there is no data race and no lost update. But memory moves between cores
 * in 64-byte cache lines, and slots 0 and 1 are 8 bytes apart: usually the same line, the one that also holds the
 * array's length, which every bounds check reads. A core must own the line exclusively to write it, so every increment
 * by one worker takes the line away from the other, and the two cores pass it back and forth — as if they shared one
 * counter. (On this 2-vCPU machine the cost showed only for a line that holds the header: see GUIDE.md §1.12.)
 *
 * <p>Run it: {@code ./handbook 1.12}. It exits 4 (failure shown) because two workers ran several times slower together
 * than one alone (3 when the machine never let them run at the same time).
 */
public final class BadExample implements HitSlots {

    // Wrong for speed: both workers' slots sit in one cache line.
    private final AtomicLongArray slots = new AtomicLongArray(2);

    @Override
    public void hit(int worker) {
        slots.setOpaque(worker, slots.getOpaque(worker) + 1);
    }

    @Override
    public long hits(int worker) {
        return slots.getOpaque(worker);
    }

    public static void main(String[] args) throws InterruptedException {
        Contention.demonstrate("BadExample", BadExample::new).exit();
    }
}
