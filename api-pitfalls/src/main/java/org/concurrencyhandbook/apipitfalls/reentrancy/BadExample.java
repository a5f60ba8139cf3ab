package org.concurrencyhandbook.apipitfalls.reentrancy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.StampedLock;

/**
 * 3.3 Non-reentrant lock self-deadlock — a {@code StampedLock} taken twice by one thread.
 *
 * <p>The inventory guards its map with a {@code StampedLock}, chosen as the newest, leanest lock of
 * {@code java.util.concurrent}, with read and write modes. {@code receive}
 * takes the write lock; {@code receiveAll} takes it too, so that a delivery lands as one step, and then — reusing
 * code, as one does — calls {@code receive} for each line. {@code synchronized} and {@code ReentrantLock} would let the
 * thread that holds the lock take it again; a {@code StampedLock} is not reentrant ("They are not reentrant, so
 * locked bodies should not call other unknown methods that may try to re-acquire locks", says its Javadoc), so the
 * second {@code writeLock()} waits for the first to be released — by the same thread, which is waiting. No other
 * thread is involved, and {@code ThreadMXBean} finds no deadlock: a {@code StampedLock} has no owner to report.
 *
 * <p>Run it: {@code ./handbook 3.3}. It exits 4 (failure shown) because the receiving thread waits for itself.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.3} printed:
 * <pre>
 * One dock clerk received 10 pallets, then a delivery of 100 bolts, 200 nuts, 300 washers with receiveAll().
 * The clerk never finished: "dock clerk" waits in StampedLock.writeLock, at BadExample.receive (BadExample.java:36); its calls, innermost first: BadExample.receive ← BadExample.receiveAll.
 * SELF-DEADLOCK: the clerk waits for a lock that it holds itself — no other thread ever touched it, and none can release it.
 * ThreadMXBean.findDeadlockedThreads() reports nothing: the lock has no owner it could name.
 * </pre>
 */
public final class BadExample implements Inventory {

    private final StampedLock lock = new StampedLock();
    private final Map<String, Integer> stock = new HashMap<>();

    @Override
    public void receive(String item, int quantity) {
        long stamp = lock.writeLock();
        try {
            stock.merge(item, quantity, Integer::sum);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public void receiveAll(Map<String, Integer> delivery) {
        long stamp = lock.writeLock();
        try {
            // Wrong: receive() takes the write lock this thread already holds, and waits for it for ever.
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

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
