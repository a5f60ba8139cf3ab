package org.concurrencyhandbook.contentiondeadlock.aliencall;

import java.util.ArrayList;
import java.util.List;

/**
 * 2.7 Calling alien code under a lock — the broken feed: it notifies its listeners while holding its own lock.
 *
 * <p>{@code publish} is {@code synchronized} and calls every listener from inside. The feed cannot know what a listener
 * does; this one takes its own lock, and elsewhere, holding that lock, it calls back into the feed. So one thread holds
 * the feed's lock and wants the listener's, another holds the listener's and wants the feed's: the lock-order deadlock
 * of 2.1, assembled from two classes that each look correct, with the cycle running through a callback.
 *
 * <p>Run it: {@code ./handbook 2.7}. The watchdog finds the cycle through {@code ThreadMXBean}; the demo prints it and
 * exits 4 (failure shown).
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.7} printed:
 * <pre>
 * Stalled (deadlock) after 66 ms, 0 prices published and 0 rebalances done: the publisher holds the feed's lock and calls the portfolio; the rebalancer holds the portfolio's lock and calls the feed.
 * Deadlock: 2 threads wait for each other
 *   "publisher" holds the feed and waits to lock the portfolio, held by "rebalancer", at Portfolio.onPrice (Portfolio.java:20)
 *   "rebalancer" holds the portfolio and waits to lock the feed, held by "publisher", at BadExample.latest (BadExample.java:54)
 *   cycle: "publisher" -&gt; "rebalancer" -&gt; "publisher"
 * (Full stacks: add --thread-dump to ./handbook, or -Dhandbook.threadDump=true to java.)
 * </pre>
 */
public final class BadExample implements PriceFeed {

    private final FirstLockHeld firstLockHeld;
    private final List<Listener> listeners = new ArrayList<>();
    private double latest;

    public BadExample(FirstLockHeld firstLockHeld) {
        this.firstLockHeld = firstLockHeld;
    }

    @Override
    public synchronized void subscribe(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void publish(double price) {
        firstLockHeld.reached();
        latest = price;
        for (Listener listener : listeners) {
            // Wrong: alien code, called while this feed's lock is held.
            listener.onPrice(price);
        }
    }

    @Override
    public synchronized double latest() {
        return latest;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
