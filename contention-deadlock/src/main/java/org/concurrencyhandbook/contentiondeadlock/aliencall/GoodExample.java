package org.concurrencyhandbook.contentiondeadlock.aliencall;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * 2.7 Calling alien code under a lock — the fixed feed: open calls.
 *
 * <p>The feed updates its own state under its lock and notifies the listeners after releasing it. A listener that
 * takes its own lock, or calls back into the feed, can no longer form a cycle with the feed's lock, because the feed
 * never holds it while someone else's code runs. The listener list is a {@link CopyOnWriteArrayList}: iterating it
 * needs no lock and sees a snapshot, so a listener may even subscribe or unsubscribe during the notification.
 *
 * <p>The price of open calls: a listener may see prices slightly out of order, or one that has already been replaced;
 * when that matters, deliver from one dispatcher thread (a single-threaded executor) instead of the publisher's.
 *
 * <p>Run it: {@code ./handbook 2.7}. It exits 0: every publication and every rebalance completed.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.7} printed:
 * <pre>
 * All 1,000 prices published and 1,000 rebalances done in 44 ms.
 * </pre>
 */
public final class GoodExample implements PriceFeed {

    private final FirstLockHeld firstLockHeld;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private double latest;

    public GoodExample(FirstLockHeld firstLockHeld) {
        this.firstLockHeld = firstLockHeld;
    }

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void publish(double price) {
        synchronized (this) {
            firstLockHeld.reached();
            latest = price;
        }
        for (Listener listener : listeners) {
            listener.onPrice(price);
        }
    }

    @Override
    public synchronized double latest() {
        return latest;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
