package org.concurrencyhandbook.apipitfalls.reentrancy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;
import org.concurrencyhandbook.testkit.Fix;

/**
 * The inventories 3.3's test runs besides Bad and Good: the fixes readers try, wrong and right. A self-deadlocked
 * thread cannot be woken, so each runs in a JVM of its own, through {@link #main}.
 */
final class OtherInventories {

    static final List<Fix<Supplier<Inventory>>> WRONG_FIXES = List.of(
            Fix.of("tryWriteLock(), skip when it fails", TryLockOrSkip::new),
            Fix.of("Semaphore(1) as the mutex", SemaphoreAsMutex::new),
            Fix.of("lock skipped when already write-locked", LockSkippedWhenHeld::new));
    static final List<Fix<Supplier<Inventory>>> RIGHT_FIXES = List.of(
            Fix.of("ReentrantReadWriteLock", ReentrantReadWriteLocked::new));

    private OtherInventories() {
    }

    /** Runs the scenario with the fix named on the command line. */
    public static void main(String[] args) throws InterruptedException {
        Fix<Supplier<Inventory>> fix = Fix.named(args[0], WRONG_FIXES, RIGHT_FIXES);
        Scenario.demonstrate(fix.name(), fix.make()).exit();
    }

    /**
     * The shape both skipping fixes share: {@code BadExample}'s {@code StampedLock}, {@code receiveAll} and
     * {@code onHand}; each fix is its {@code receive}.
     */
    private abstract static class StampedLockedStock implements Inventory {
        final StampedLock lock = new StampedLock();
        final Map<String, Integer> stock = new HashMap<>();

        @Override
        public void receiveAll(Map<String, Integer> delivery) {
            long stamp = lock.writeLock();
            try {
                delivery.forEach(this::receive);
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        @Override
        public int onHand(String item) {
            long stamp = lock.readLock();
            try {
                return stock.getOrDefault(item, 0);
            } finally {
                lock.unlockRead(stamp);
            }
        }
    }

    /**
     * Wrong: {@code receive} tries the lock and, if it is taken, skips the work. It tempts because the hang is gone
     * and "someone else holds the lock anyway"; it fails because that someone is this thread, inside
     * {@code receiveAll}: every line of the delivery is skipped, silently, and the stock is short by all of it.
     */
    static final class TryLockOrSkip extends StampedLockedStock {
        @Override
        public void receive(String item, int quantity) {
            long stamp = lock.tryWriteLock();
            if (stamp == 0) {
                return;
            }
            try {
                stock.merge(item, quantity, Integer::sum);
            } finally {
                lock.unlockWrite(stamp);
            }
        }
    }

    /**
     * Wrong: {@code receive} skips the lock when it is already write-locked, "because then the caller holds it". It
     * tempts because the self-deadlock is gone and nothing is lost; it fails because a {@code StampedLock} cannot say
     * <em>who</em> holds it: a second clerk arriving mid-delivery skips the lock too, and walks into the critical
     * section beside the first.
     */
    static final class LockSkippedWhenHeld extends StampedLockedStock {
        @Override
        public void receive(String item, int quantity) {
            if (lock.isWriteLocked()) {
                stock.merge(item, quantity, Integer::sum);
                return;
            }
            long stamp = lock.writeLock();
            try {
                stock.merge(item, quantity, Integer::sum);
            } finally {
                lock.unlockWrite(stamp);
            }
        }
    }

    /**
     * Wrong: a {@code Semaphore} with one permit in the place of the {@code StampedLock}. It tempts because it is the
     * textbook mutex of other languages; it fails the same way, because a permit has no owner: the thread that holds
     * the only one waits for it like anybody else.
     */
    static final class SemaphoreAsMutex implements Inventory {
        private final Semaphore mutex = new Semaphore(1);
        private final Map<String, Integer> stock = new HashMap<>();

        @Override
        public void receive(String item, int quantity) {
            mutex.acquireUninterruptibly();
            try {
                stock.merge(item, quantity, Integer::sum);
            } finally {
                mutex.release();
            }
        }

        @Override
        public void receiveAll(Map<String, Integer> delivery) {
            mutex.acquireUninterruptibly();
            try {
                delivery.forEach(this::receive);
            } finally {
                mutex.release();
            }
        }

        @Override
        public int onHand(String item) {
            mutex.acquireUninterruptibly();
            try {
                return stock.getOrDefault(item, 0);
            } finally {
                mutex.release();
            }
        }
    }

    /**
     * Right: a reentrant lock. {@code ReentrantReadWriteLock}'s write lock counts its holder's acquisitions, so
     * {@code receive} inside {@code receiveAll} just counts one more; readers still share the read lock.
     */
    static final class ReentrantReadWriteLocked implements Inventory {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private final Map<String, Integer> stock = new HashMap<>();

        @Override
        public void receive(String item, int quantity) {
            lock.writeLock().lock();
            try {
                stock.merge(item, quantity, Integer::sum);
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public void receiveAll(Map<String, Integer> delivery) {
            lock.writeLock().lock();
            try {
                delivery.forEach(this::receive);
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public int onHand(String item) {
            lock.readLock().lock();
            try {
                return stock.getOrDefault(item, 0);
            } finally {
                lock.readLock().unlock();
            }
        }
    }
}
