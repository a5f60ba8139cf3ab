package org.concurrencyhandbook.contentiondeadlock.aliencall;

/** An observable price: listeners are told of every new price. Both examples implement it. */
public interface PriceFeed {

    void subscribe(Listener listener);

    void publish(double price);

    double latest();

    /** Told of each new price; the feed does not know what a listener does — it is alien code to the feed. */
    @FunctionalInterface
    interface Listener {
        void onPrice(double price);
    }

    /**
     * Where the scenario can step in: a thread has taken its first lock. In production nothing happens there — and
     * the other thread can still be at the same point at the same time.
     */
    @FunctionalInterface
    interface FirstLockHeld {
        void reached();
    }
}
