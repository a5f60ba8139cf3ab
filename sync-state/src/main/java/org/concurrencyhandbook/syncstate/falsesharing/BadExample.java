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
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.12} printed:
 * <pre>
 * One worker alone: 2.6 ns of CPU per increment. Two workers at once, each on its own slot: 8.3 ns each (they overlapped 93% of the time).
 * FALSE SHARING: together, each increment cost 3.1 times as much as alone — the slots share a cache line with the array's length, and the cores pass it back and forth.
 * </pre>
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
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
