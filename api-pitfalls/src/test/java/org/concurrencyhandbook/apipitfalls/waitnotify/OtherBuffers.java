package org.concurrencyhandbook.apipitfalls.waitnotify;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import org.concurrencyhandbook.testkit.Fix;

/** The buffers 3.8's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherBuffers {

    static final Fix<IntFunction<BoundedBuffer>> NOTIFY_ALL_STILL_IF = Fix.of("notifyAll(), still if", NotifyAllStillIf::new);
    static final Fix<IntFunction<BoundedBuffer>> WHILE_STILL_NOTIFY = Fix.of("while, still notify()", WhileStillNotify::new);
    static final Fix<IntFunction<BoundedBuffer>> ONE_CONDITION_SIGNAL = Fix.of("a ReentrantLock with one Condition,"
            + " signal()", OneConditionSignal::new);
    static final List<Fix<IntFunction<BoundedBuffer>>> RIGHT_FIXES = List.of(
            Fix.of("while and notifyAll()", WhileAndNotifyAll::new),
            Fix.of("ArrayBlockingQueue", Queued::new));

    private OtherBuffers() {
    }

    /** The parcels of {@code BadExample}, on one monitor; each variant is its waiting and waking. */
    private abstract static class OnOneMonitor implements BoundedBuffer {
        private final String[] parcels;
        private int count;
        private int putIndex;
        private int takeIndex;

        OnOneMonitor(int capacity) {
            parcels = new String[capacity];
        }

        final boolean full() {
            return count == parcels.length;
        }

        final boolean empty() {
            return count == 0;
        }

        final void insert(String parcel) {
            parcels[putIndex] = parcel;
            putIndex = (putIndex + 1) % parcels.length;
            count++;
        }

        final String extract() {
            String parcel = parcels[takeIndex];
            parcels[takeIndex] = null;
            takeIndex = (takeIndex + 1) % parcels.length;
            count--;
            return parcel;
        }

        @Override
        public synchronized void putAll(List<String> batch) throws InterruptedException {
            for (String parcel : batch) {
                put(parcel);
            }
        }
    }

    /** Wakes everyone, so no wake-up is lost — but a woken thread still acts without checking. */
    private static final class NotifyAllStillIf extends OnOneMonitor {
        NotifyAllStillIf(int capacity) {
            super(capacity);
        }

        @Override
        public synchronized void put(String parcel) throws InterruptedException {
            if (full()) {
                wait();
            }
            insert(parcel);
            notifyAll();
        }

        @Override
        public synchronized String take() throws InterruptedException {
            if (empty()) {
                wait();
            }
            String parcel = extract();
            notifyAll();
            return parcel;
        }
    }

    /** Checks again after every wake-up — but wakes one thread, of either kind. */
    private static final class WhileStillNotify extends OnOneMonitor {
        WhileStillNotify(int capacity) {
            super(capacity);
        }

        @Override
        public synchronized void put(String parcel) throws InterruptedException {
            while (full()) {
                wait();
            }
            insert(parcel);
            notify();
        }

        @Override
        public synchronized String take() throws InterruptedException {
            while (empty()) {
                wait();
            }
            String parcel = extract();
            notify();
            return parcel;
        }
    }

    /**
     * {@code while} and {@code notify()} moved to {@code java.util.concurrent.locks}: one {@code Condition} for both
     * predicates is one wait set again, and {@code signal()} wakes its longest waiter, of either kind.
     */
    private static final class OneConditionSignal extends OnOneMonitor {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();

        OneConditionSignal(int capacity) {
            super(capacity);
        }

        @Override
        public void put(String parcel) throws InterruptedException {
            lock.lock();
            try {
                while (full()) {
                    changed.await();
                }
                insert(parcel);
                changed.signal();
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
                while (empty()) {
                    changed.await();
                }
                String parcel = extract();
                changed.signal();
                return parcel;
            } finally {
                lock.unlock();
            }
        }
    }

    /** One monitor, done right: every waiter checks again, and every change wakes every waiter. */
    private static final class WhileAndNotifyAll extends OnOneMonitor {
        WhileAndNotifyAll(int capacity) {
            super(capacity);
        }

        @Override
        public synchronized void put(String parcel) throws InterruptedException {
            while (full()) {
                wait();
            }
            insert(parcel);
            notifyAll();
        }

        @Override
        public synchronized String take() throws InterruptedException {
            while (empty()) {
                wait();
            }
            String parcel = extract();
            notifyAll();
            return parcel;
        }
    }

    /** The JDK's own bounded buffer, which is {@code GoodExample} written once, well. */
    private static final class Queued implements BoundedBuffer {
        private final BlockingQueue<String> parcels;

        Queued(int capacity) {
            parcels = new ArrayBlockingQueue<>(capacity);
        }

        @Override
        public void put(String parcel) throws InterruptedException {
            parcels.put(parcel);
        }

        @Override
        public void putAll(List<String> batch) throws InterruptedException {
            for (String parcel : batch) {
                parcels.put(parcel);
            }
        }

        @Override
        public String take() throws InterruptedException {
            return parcels.take();
        }
    }
}
