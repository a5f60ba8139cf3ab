package org.concurrencyhandbook.syncstate.falsesharing;

/**
 * Per-thread hit counters: each worker thread bumps only its own slot, so no two threads ever write the same counter.
 * Both examples implement it, for two workers (slots 0 and 1).
 */
public interface HitSlots {

    void hit(int worker);

    long hits(int worker);
}
