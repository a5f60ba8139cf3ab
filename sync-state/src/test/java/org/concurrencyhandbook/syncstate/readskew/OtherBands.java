package org.concurrencyhandbook.syncstate.readskew;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/** The bands 1.4's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherBands {

    private OtherBands() {
    }

    /**
     * Wrong: two {@code volatile} fields, the ceiling written first so that floor never exceeds ceiling. It tempts
     * because the famous symptom (floor above ceiling) is gone; it fails because a reader still sees [old floor, new
     * ceiling] — [100, 210] — a band no writer set.
     */
    static final class VolatileFieldsCeilingFirst implements PriceBand {
        private final MidUpdate midUpdate;
        private volatile long floor;
        private volatile long ceiling;

        VolatileFieldsCeilingFirst(long floor, long ceiling, MidUpdate midUpdate) {
            this.floor = floor;
            this.ceiling = ceiling;
            this.midUpdate = midUpdate;
        }

        @Override
        public void moveTo(long floor, long ceiling) {
            this.ceiling = ceiling;
            midUpdate.reached();
            this.floor = floor;
        }

        @Override
        public long[] read() {
            return new long[] {floor, ceiling};
        }
    }

    /**
     * Wrong: the writer synchronized, the reader not. It tempts because "the update is atomic now"; it fails because a
     * lock excludes only the threads that take it, and the reader never does. Its author annotated the fields
     * {@code @GuardedBy("this")}, and Error Prone's {@code GuardedBy} check flags the unlocked read.
     */
    static final class LockedWriterOnly implements PriceBand {
        private final MidUpdate midUpdate;
        @GuardedBy("this")
        private long floor;
        @GuardedBy("this")
        private long ceiling;

        LockedWriterOnly(long floor, long ceiling, MidUpdate midUpdate) {
            this.floor = floor;
            this.ceiling = ceiling;
            this.midUpdate = midUpdate;
        }

        @Override
        public synchronized void moveTo(long floor, long ceiling) {
            this.floor = floor;
            midUpdate.reached();
            this.ceiling = ceiling;
        }

        @Override
        public long[] read() {
            return new long[] {floor, ceiling};
        }
    }

    /**
     * Right: one lock for the writes and the reads — the reader waits out the update. The fields are annotated
     * {@code @GuardedBy("this")}, so Error Prone's {@code GuardedBy} check holds every later change to the rule.
     */
    static final class LockedBothSides implements PriceBand {
        private final MidUpdate midUpdate;
        @GuardedBy("this")
        private long floor;
        @GuardedBy("this")
        private long ceiling;

        LockedBothSides(long floor, long ceiling, MidUpdate midUpdate) {
            this.floor = floor;
            this.ceiling = ceiling;
            this.midUpdate = midUpdate;
        }

        @Override
        public synchronized void moveTo(long floor, long ceiling) {
            this.floor = floor;
            midUpdate.reached();
            this.ceiling = ceiling;
        }

        @Override
        public synchronized long[] read() {
            return new long[] {floor, ceiling};
        }
    }

    /** Right: a read-write lock — readers share it with each other, never with the writer. */
    static final class ReadWriteLocked implements PriceBand {
        private final ReadWriteLock lock = new ReentrantReadWriteLock();
        private final MidUpdate midUpdate;
        private long floor;
        private long ceiling;

        ReadWriteLocked(long floor, long ceiling, MidUpdate midUpdate) {
            this.floor = floor;
            this.ceiling = ceiling;
            this.midUpdate = midUpdate;
        }

        @Override
        public void moveTo(long floor, long ceiling) {
            lock.writeLock().lock();
            try {
                this.floor = floor;
                midUpdate.reached();
                this.ceiling = ceiling;
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public long[] read() {
            lock.readLock().lock();
            try {
                return new long[] {floor, ceiling};
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    /**
     * Right: a {@code StampedLock} optimistic read, validated, falling back to a read lock when a write intervened —
     * the reader takes no lock at all unless the band moved under it.
     */
    static final class StampedOptimisticRead implements PriceBand {
        private final StampedLock lock = new StampedLock();
        private final MidUpdate midUpdate;
        private long floor;
        private long ceiling;

        StampedOptimisticRead(long floor, long ceiling, MidUpdate midUpdate) {
            this.floor = floor;
            this.ceiling = ceiling;
            this.midUpdate = midUpdate;
        }

        @Override
        public void moveTo(long floor, long ceiling) {
            long stamp = lock.writeLock();
            try {
                this.floor = floor;
                midUpdate.reached();
                this.ceiling = ceiling;
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        @Override
        public long[] read() {
            long stamp = lock.tryOptimisticRead();
            long[] seen = {floor, ceiling};
            if (lock.validate(stamp)) {
                return seen;
            }
            stamp = lock.readLock();
            try {
                return new long[] {floor, ceiling};
            } finally {
                lock.unlockRead(stamp);
            }
        }
    }
}
