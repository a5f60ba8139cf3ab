package org.concurrencyhandbook.apipitfalls.reentrancy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.StampedLock;

/**
 * 3.3 Non-reentrant lock self-deadlock — lock once, at the public edge; the work in private helpers that take no lock.
 *
 * <p>The same {@code StampedLock}. Each public method takes the lock exactly once; the work itself lives in a private
 * helper, {@code add}, that assumes the lock is held and never takes it. {@code receiveAll} calls the helper, not the
 * public {@code receive}, so no path through the class takes the lock twice — the design works with any lock,
 * reentrant or not, and states in code which methods run under the lock.
 *
 * <p>The same fix, another way: a reentrant lock ({@code ReentrantLock}, {@code ReentrantReadWriteLock} or
 * {@code synchronized}), which counts the holder's acquisitions; {@code ReentrancyTest} runs it beside this one.
 *
 * <p>Run it: {@code ./handbook 3.3}. It exits 0 because the delivery was received, every unit of it.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.3} printed:
 * <pre>
 * One dock clerk received 10 pallets, then a delivery of 100 bolts, 200 nuts, 300 washers with receiveAll().
 * A second clerk came with 5 more pallets in the middle of the delivery: it waited until the delivery had landed.
 * On hand: 615 units of the 615 received.
 * The whole delivery was received as one step, every unit of it.
 * </pre>
 */
public final class GoodExample implements Inventory {

    private final StampedLock lock = new StampedLock();
    private final Map<String, Integer> stock = new HashMap<>();

    @Override
    public void receive(String item, int quantity) {
        long stamp = lock.writeLock();
        try {
            add(item, quantity);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public void receiveAll(Map<String, Integer> delivery) {
        long stamp = lock.writeLock();
        try {
            delivery.forEach(this::add);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Callers hold the write lock. */
    private void add(String item, int quantity) {
        stock.merge(item, quantity, Integer::sum);
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
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
