package org.concurrencyhandbook.contentiondeadlock.aliencall;

/**
 * A listener that keeps its own state under its own lock — and, like much real listener code, calls back into the
 * feed: when rebalancing, it asks the feed for the latest price. Nothing is wrong with it on its own.
 */
final class Portfolio implements PriceFeed.Listener {

    private final PriceFeed feed;
    private final PriceFeed.FirstLockHeld firstLockHeld;
    private double value;

    Portfolio(PriceFeed feed, PriceFeed.FirstLockHeld firstLockHeld) {
        this.feed = feed;
        this.firstLockHeld = firstLockHeld;
    }

    @Override
    public synchronized void onPrice(double price) {
        value = 100 * price;
    }

    synchronized void rebalance() {
        firstLockHeld.reached();
        value = 100 * feed.latest();
    }
}
