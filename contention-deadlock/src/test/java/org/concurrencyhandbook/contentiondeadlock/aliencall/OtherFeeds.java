package org.concurrencyhandbook.contentiondeadlock.aliencall;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.concurrencyhandbook.testkit.Fix;

/**
 * The other feeds {@link AlienCallTest} runs through 2.7's scenario: wrong fixes readers try, which must still
 * deadlock, and the other fixes the GUIDE recommends. A monitor deadlock can never be undone, so each runs in a JVM of
 * its own: {@link #main} takes the fix's name.
 */
final class OtherFeeds {

    static final List<Fix<Function<PriceFeed.FirstLockHeld, PriceFeed>>> WRONG_FIXES = List.of(
            Fix.of("CopyOnWriteArrayList, publish still synchronized", CopyOnWriteUnderTheLock::new),
            Fix.of("snapshot of listeners, notified under the lock", SnapshotNotifiedUnderTheLock::new));

    static final List<Fix<Function<PriceFeed.FirstLockHeld, PriceFeed>>> RIGHT_FIXES = List.of(
            Fix.of("snapshot under the lock, notified after", SnapshotNotifiedAfter::new),
            Fix.of("one dispatcher thread delivers", OneDispatcherThread::new));

    private OtherFeeds() {
    }

    public static void main(String[] args) throws InterruptedException {
        Fix<Function<PriceFeed.FirstLockHeld, PriceFeed>> fix = Fix.named(args[0], WRONG_FIXES, RIGHT_FIXES);
        Scenario.demonstrate(fix.name(), fix.make()).exit();
    }

    /**
     * Tempts because a copy-on-write list makes iterating safe without a lock; but the iteration still happens inside
     * the synchronized publish, so the listener still runs under the feed's lock.
     */
    static final class CopyOnWriteUnderTheLock implements PriceFeed {
        private final FirstLockHeld firstLockHeld;
        private final List<Listener> listeners = new CopyOnWriteArrayList<>();
        private double latest;

        CopyOnWriteUnderTheLock(FirstLockHeld firstLockHeld) {
            this.firstLockHeld = firstLockHeld;
        }

        @Override
        public void subscribe(Listener listener) {
            listeners.add(listener);
        }

        @Override
        public synchronized void publish(double price) {
            firstLockHeld.reached();
            latest = price;
            listeners.forEach(listener -> listener.onPrice(price));
        }

        @Override
        public synchronized double latest() {
            return latest;
        }
    }

    /**
     * Tempts because the copy is the textbook first step of an open call; without the second step — leaving the
     * synchronized block before notifying — the callback still runs under the lock.
     */
    static final class SnapshotNotifiedUnderTheLock implements PriceFeed {
        private final FirstLockHeld firstLockHeld;
        private final List<Listener> listeners = new ArrayList<>();
        private double latest;

        SnapshotNotifiedUnderTheLock(FirstLockHeld firstLockHeld) {
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
            List<Listener> snapshot = List.copyOf(listeners);
            snapshot.forEach(listener -> listener.onPrice(price));
        }

        @Override
        public synchronized double latest() {
            return latest;
        }
    }

    /** Holds because the feed's lock covers only the feed's own state; the listeners run after it is released. */
    static final class SnapshotNotifiedAfter implements PriceFeed {
        private final FirstLockHeld firstLockHeld;
        private final List<Listener> listeners = new ArrayList<>();
        private double latest;

        SnapshotNotifiedAfter(FirstLockHeld firstLockHeld) {
            this.firstLockHeld = firstLockHeld;
        }

        @Override
        public synchronized void subscribe(Listener listener) {
            listeners.add(listener);
        }

        @Override
        public void publish(double price) {
            List<Listener> snapshot;
            synchronized (this) {
                firstLockHeld.reached();
                latest = price;
                snapshot = List.copyOf(listeners);
            }
            snapshot.forEach(listener -> listener.onPrice(price));
        }

        @Override
        public synchronized double latest() {
            return latest;
        }
    }

    /**
     * Holds because the listeners run on a thread that holds no lock of the feed's, and in publication order; the
     * dispatcher is a daemon, as a feed that is never closed needs.
     */
    static final class OneDispatcherThread implements PriceFeed {
        private final FirstLockHeld firstLockHeld;
        private final List<Listener> listeners = new CopyOnWriteArrayList<>();
        private final ExecutorService dispatcher =
                Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("dispatcher").factory());
        private double latest;

        OneDispatcherThread(FirstLockHeld firstLockHeld) {
            this.firstLockHeld = firstLockHeld;
        }

        @Override
        public void subscribe(Listener listener) {
            listeners.add(listener);
        }

        @Override
        public synchronized void publish(double price) {
            firstLockHeld.reached();
            latest = price;
            dispatcher.execute(() -> listeners.forEach(listener -> listener.onPrice(price)));
        }

        @Override
        public synchronized double latest() {
            return latest;
        }
    }
}
