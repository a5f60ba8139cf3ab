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
        Callbacks.demonstrate("BadExample", BadExample::new).exit();
    }
}
