package org.concurrencyhandbook.syncstate.storebuffering;

/**
 * 1.8 Reordering (store buffering) — the broken flags: plain {@code int} fields.
 *
 * <p>Read each method alone and the promise looks kept: I raise my flag <em>before</em> I look at yours, so if we
 * both look, at least one of us must see the other's flag up. But nothing in the Java Memory Model orders a plain
 * store before a later plain load of a different variable. The JIT may swap them, and on x86-64 the hardware does it
 * by itself: the store waits in the core's store buffer while the load is served from the cache — the one
 * reordering x86's TSO model allows (store → load). Both threads can read 0, and both enter.
 *
 * <p>On this 2-core x86-64 machine jcstress sees {@code 0, 0} millions of times per second; see GUIDE.md §1.8.
 * Run it: {@code ./handbook 1.8}. It exits 4 (failure shown) at the first encounter in which both entered.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.8} printed:
 * <pre>
 * Two threads each raised their own flag, then looked at the other's, in 4,096 encounters.
 *   RESULT  ENCOUNTERS  MEANING
 *     0, 0           3  both saw the other's flag down: both entered
 *     0, 1       3,638  one saw the other's flag up
 *     1, 0         455  one saw the other's flag up
 * BOTH ENTERED 3 time(s): each thread saw the other's flag down although both had raised theirs first — each store was still in its core's store buffer when the load ran.
 * </pre>
 */
public final class BadExample implements EntryFlags {

    private int firstFlag;
    private int secondFlag;

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
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
