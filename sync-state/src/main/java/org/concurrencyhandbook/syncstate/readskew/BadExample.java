package org.concurrencyhandbook.syncstate.readskew;

/**
 * 1.4 Dirty read / read skew — the broken band: two fields written one after the other, read without a lock.
 *
 * <p>Moving the band up from [100, 110] to [200, 210] writes the floor first: for a moment the band is [200, 110],
 * a state no writer ever meant, and a reader that arrives then sees a floor above its ceiling. Scenario also read the
 * two fields one after the other, so even a writer that wrote both at once could be seen half-old, half-new: the
 * reader's view is skewed. {@code volatile} on both fields does not help — each field would be visible at once, the
 * pair would still not be one value.
 *
 * <p>Run it: {@code ./handbook 1.4}. It exits 4 (failure shown) because readers saw bands that never existed.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.4} printed:
 * <pre>
 * A writer moved the price band up 1,000 times, from [0, 10] by 100 each time; a reader read it in the middle of every move.
 * BANDS NEVER SET: 1,000 of 1,000 bands read were no band the writer set, e.g. [100, 10].
 * </pre>
 */
public final class BadExample implements PriceBand {

    private final MidUpdate midUpdate;
    private volatile long floor;
    private volatile long ceiling;

    public BadExample(long floor, long ceiling, MidUpdate midUpdate) {
        this.floor = floor;
        this.ceiling = ceiling;
        this.midUpdate = midUpdate;
    }

    @Override
    public void moveTo(long floor, long ceiling) {
        // Wrong: between these two writes the band is half old, half new, and readers can see it.
        this.floor = floor;
        midUpdate.reached();
        this.ceiling = ceiling;
    }

    @Override
    public long[] read() {
        return new long[] {floor, ceiling};
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
