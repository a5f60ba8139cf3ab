package org.concurrencyhandbook.apipitfalls.waitnotify;

import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * 3.8 {@code wait}/{@code notify} misuse — a {@code Condition} per predicate, each waited on in a {@code while}.
 *
 * <p>The same buffer on a {@code ReentrantLock} with two conditions: producers wait on {@code notFull}, consumers on
 * {@code notEmpty}, so a signal reaches a thread that waits for exactly what changed, and one {@code signal()} is
 * enough. Every wait is in a {@code while}: a woken thread checks again, for it may have been beaten to the change, or
 * woken for no reason at all (the JDK allows "spurious wakeups"). This is how {@code ArrayBlockingQueue} is written —
 * which is the other fix: use it. {@code while} with {@code notifyAll()} on one monitor is correct too, and wakes
 * every waiter for every change; {@code WaitNotifyTest} runs both beside this one.
 *
 * <p>Run it: {@code ./handbook 3.8}. It exits 0 because every parcel reached one consumer and nobody was left waiting.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.8} printed:
 * <pre>
 * A buffer with room for 1 parcel; consumer-1, then consumer-2, wait on it while it is empty.
 * First, parcel-1 put for the two waiting consumers, and parcel-2 for the one still waiting 1000 ms later: consumer-1 took parcel-1, consumer-2 took parcel-2.
 * Then, on a new buffer, parcel-3 and parcel-4 put as one batch with putAll: consumer-1 took parcel-3, consumer-2 took parcel-4.
 * Every parcel reached exactly one consumer; nobody was left waiting.
 * </pre>
 */
public final class GoodExample implements BoundedBuffer {

    private final String[] parcels;
    private int count;
    private int putIndex;
    private int takeIndex;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();

    public GoodExample(int capacity) {
        parcels = new String[capacity];
    }

    @Override
    public void put(String parcel) throws InterruptedException {
        lock.lock();
        try {
            while (count == parcels.length) {
                notFull.await();
            }
            parcels[putIndex] = parcel;
            putIndex = (putIndex + 1) % parcels.length;
            count++;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void putAll(List<String> batch) throws InterruptedException {
        lock.lock();
        try {
            for (String parcel : batch) {
                put(parcel);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String take() throws InterruptedException {
        lock.lock();
        try {
            while (count == 0) {
                notEmpty.await();
            }
            String parcel = parcels[takeIndex];
            parcels[takeIndex] = null;
            takeIndex = (takeIndex + 1) % parcels.length;
            count--;
            notFull.signal();
            return parcel;
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
