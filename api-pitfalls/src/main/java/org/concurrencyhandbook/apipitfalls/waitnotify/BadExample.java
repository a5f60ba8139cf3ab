package org.concurrencyhandbook.apipitfalls.waitnotify;

import java.util.List;

/**
 * 3.8 {@code wait}/{@code notify} misuse — {@code if} around {@code wait()}, and {@code notify()} for two conditions.
 *
 * <p>The textbook bounded buffer, written from memory: a {@code synchronized} method, an {@code if} that waits while
 * the buffer is full (or empty), and a {@code notify()} after each change. Two things are wrong. A thread that returns
 * from {@code wait()} has been woken, not promised anything: another thread may have been first to the parcel, or the
 * wake-up was meant for someone else — with {@code if}, it takes from an empty buffer anyway. And producers wait for
 * room while consumers wait for a parcel, in one wait set: {@code notify()} wakes one of them, perhaps the wrong kind.
 *
 * <p>Run it: {@code ./handbook 3.8}. It exits 4 (failure shown) because a consumer took a parcel from an empty buffer.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.8} printed:
 * <pre>
 * A buffer with room for 1 parcel; consumer-1, then consumer-2, wait on it while it is empty.
 * First, parcel-1 put for the two waiting consumers: consumer-1 took parcel-1, consumer-2 took null.
 *   1 take(s) returned what nobody put: a consumer woke up, did not check, and took from an empty buffer.
 * Then, on a new buffer, parcel-3 and parcel-4 put as one batch with putAll: consumer-1 took parcel-3, consumer-2 took null.
 *   1 take(s) returned what nobody put: a consumer woke up, did not check, and took from an empty buffer.
 *   Never delivered: [parcel-4].
 * STOLEN WAKE-UP: wait() returned, the condition did not hold, and an if went on anyway.
 * </pre>
 */
public final class BadExample implements BoundedBuffer {

    private final String[] parcels;
    private int count;
    private int putIndex;
    private int takeIndex;

    public BadExample(int capacity) {
        parcels = new String[capacity];
    }

    @Override
    public synchronized void put(String parcel) throws InterruptedException {
        // Wrong: once woken, the buffer may be full again — and nobody checks.
        if (count == parcels.length) {
            wait();
        }
        parcels[putIndex] = parcel;
        putIndex = (putIndex + 1) % parcels.length;
        count++;
        // Wrong: wakes one waiting thread — a producer or a consumer, whichever the JVM picks.
        notify();
    }

    @Override
    public synchronized void putAll(List<String> batch) throws InterruptedException {
        for (String parcel : batch) {
            put(parcel);
        }
    }

    @Override
    public synchronized String take() throws InterruptedException {
        if (count == 0) {
            wait();
        }
        String parcel = parcels[takeIndex];
        parcels[takeIndex] = null;
        takeIndex = (takeIndex + 1) % parcels.length;
        count--;
        notify();
        return parcel;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
