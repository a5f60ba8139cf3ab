package org.concurrencyhandbook.syncstate.readskew;

/**
 * 1.4 Dirty read / read skew — the fixed band: an immutable snapshot, replaced in one write.
 *
 * <p>The band is a record, built whole before anyone can see it, and published by a single write to a
 * {@code volatile} field. A reader reads that field once and gets either the old band or the new one — never a mix,
 * because there is no moment when a mix exists. The {@code volatile} write also guarantees that a reader who sees the
 * new record sees its fields as constructed (a record's fields are {@code final}, which would be enough on its own).
 *
 * <p>When a writer must read the current value to compute the next, publish through
 * {@code AtomicReference.updateAndGet}. When readers need several related objects to agree, hold one lock for the
 * writes and the reads, or use {@code ReadWriteLock} / {@code StampedLock} (optimistic reads) if reads dominate.
 *
 * <p>Run it: {@code ./handbook 1.4}. It exits 0: every band a reader saw was one the writer set.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.4} printed:
 * <pre>
 * A writer moved the price band up 1,000 times, from [0, 10] by 100 each time; a reader read it in the middle of every move.
 * All 1,000 bands read were bands the writer had set.
 * </pre>
 */
public final class GoodExample implements PriceBand {

    private record Band(long floor, long ceiling) {
    }

    private final MidUpdate midUpdate;
    private volatile Band band;

    public GoodExample(long floor, long ceiling, MidUpdate midUpdate) {
        this.band = new Band(floor, ceiling);
        this.midUpdate = midUpdate;
    }

    @Override
    public void moveTo(long floor, long ceiling) {
        Band next = new Band(floor, ceiling);
        midUpdate.reached();
        band = next;
    }

    @Override
    public long[] read() {
        Band seen = band;
        return new long[] {seen.floor(), seen.ceiling()};
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
