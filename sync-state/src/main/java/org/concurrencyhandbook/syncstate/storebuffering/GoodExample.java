package org.concurrencyhandbook.syncstate.storebuffering;

/**
 * 1.8 Reordering (store buffering) — the fixed flags: {@code volatile} fields.
 *
 * <p>Volatile accesses are synchronization actions: all of them, in every thread, fall into one total order that
 * agrees with each thread's program order. In that order one of the two stores comes first, and the other thread's
 * load comes after it, so at least one thread sees a 1. HotSpot keeps the promise on x86-64 by following each
 * volatile store with a full fence (a {@code lock}-prefixed instruction) that drains the store buffer before the
 * load can run.
 *
 * <p>{@code AtomicInteger} (its {@code get}/{@code set} are volatile) or a {@code VarHandle} in
 * {@code setVolatile}/{@code getVolatile} mode work the same way. Release/acquire alone ({@code setRelease},
 * {@code getAcquire}) does <em>not</em>: store buffering is exactly the reordering it permits.
 *
 * <p>Run it: {@code ./handbook 1.8}. It exits 0: in two seconds of encounters, never did both enter; 3 (inconclusive) if no encounter really overlapped.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.8} printed:
 * <pre>
 * Two threads each raised their own flag, then looked at the other's, in 26,577,920 encounters.
 *   RESULT  ENCOUNTERS  MEANING
 *     0, 1  19,415,793  one saw the other's flag up
 *     1, 0   5,970,715  one saw the other's flag up
 *     1, 1   1,191,412  both saw the other's flag up: the two threads really met
 * Never did both see the other's flag down, in 26,577,920 encounters (1,191,412 of them really overlapping).
 * </pre>
 */
public final class GoodExample implements EntryFlags {

    private volatile int firstFlag;
    private volatile int secondFlag;

    @Override
    public int firstRaisesThenLooks() {
        firstFlag = 1;
        return secondFlag;
    }

    @Override
    public int secondRaisesThenLooks() {
        secondFlag = 1;
        return firstFlag;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
