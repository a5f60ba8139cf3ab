package org.concurrencyhandbook.syncstate.readskew;

/**
 * The band a trading desk accepts prices in: {@code floor <= ceiling}, always. One thread moves the band, many read
 * it. Both examples implement it.
 */
public interface PriceBand {

    /** Moves the band to [floor, ceiling]; {@code floor <= ceiling}. */
    void moveTo(long floor, long ceiling);

    /** The band as one reader sees it: {@code {floor, ceiling}}. */
    long[] read();

    /**
     * Where the scenario can step in during {@link #moveTo}: after the first half of the update is done and before
     * the second. In production nothing happens there — and a reader can still arrive at that moment, only more rarely.
     */
    @FunctionalInterface
    interface MidUpdate {
        void reached();
    }
}
