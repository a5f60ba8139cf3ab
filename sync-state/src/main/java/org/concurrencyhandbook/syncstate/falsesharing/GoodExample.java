package org.concurrencyhandbook.syncstate.falsesharing;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * 1.12 False sharing — the fast counters: each worker's slot 128 bytes from the other's.
 *
 * <p>The same array of counters, with 15 unused slots between the two that are used: 128 bytes apart, so they fall in
 * different cache lines — and in different pairs of lines, which matters because x86 cores prefetch lines in pairs.
 * Neither is in the first line either, which the array shares with its header: every bounds check reads the array's
 * length there, so a worker writing slot 0 would still slow the other one down. Each core keeps its own line, and the
 * workers no longer slow each other down.
 *
 * <p>Other ways to the same end: {@code @jdk.internal.vm.annotation.Contended} on the fields (it needs
 * {@code --add-exports java.base/jdk.internal.vm.annotation=ALL-UNNAMED} to compile and {@code -XX:-RestrictContended}
 * to run, or the JVM silently ignores it in application classes); or no shared slots at all — count in a local
 * variable and publish once, or use {@code LongAdder}, whose cells are {@code @Contended} inside the JDK.
 *
 * <p>Run it: {@code ./handbook 1.12}. It exits 0: two workers ran about as fast together as one alone.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.12} printed:
 * <pre>
 * One worker alone: 2.6 ns of CPU per increment. Two workers at once, each on its own slot: 2.4 ns each (they overlapped 98% of the time).
 * Together, each increment cost 0.9 times as much as alone: the workers did not slow each other down.
 * </pre>
 */
public final class GoodExample implements HitSlots {

    private static final int SPACING = 16;

    // Slot 0 would share its line with the array's header, whose length every bounds check reads: start at 16.
    private final AtomicLongArray slots = new AtomicLongArray(3 * SPACING);

    @Override
    public void hit(int worker) {
        slots.setOpaque(slotOf(worker), slots.getOpaque(slotOf(worker)) + 1);
    }

    @Override
    public long hits(int worker) {
        return slots.getOpaque(slotOf(worker));
    }

    private static int slotOf(int worker) {
        return (worker + 1) * SPACING;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
