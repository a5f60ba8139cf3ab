package org.concurrencyhandbook.contentiondeadlock.starvation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** The journals 2.3's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherJournals {

    private OtherJournals() {
    }

    /**
     * Wrong: {@code synchronized} instead of the {@code ReentrantLock}. It tempts because "the JVM's own lock" sounds
     * impartial; it fails because a monitor is not fair either: the thread that just released it takes it again ahead of
     * the threads blocked on it.
     */
    static final class Synchronized implements Journal {
        private final List<String> entries = new ArrayList<>();
        private final LockTaken lockTaken;

        Synchronized(LockTaken lockTaken) {
            this.lockTaken = lockTaken;
        }

        @Override
        public synchronized void append(String entry) {
            lockTaken.reached();
            entries.add(entry);
        }

        @Override
        public synchronized int size() {
            lockTaken.reached();
            return entries.size();
        }

        /** The only monitor in the scenario is this one: a thread BLOCKED is blocked on it. */
        @Override
        public boolean hasQueued(Thread thread) {
            return thread.getState() == Thread.State.BLOCKED;
        }
    }

    /**
     * Wrong: a fair lock, which the writer takes with {@code tryLock()} first, to avoid blocking. It tempts because the
     * lock says {@code true}; it fails because {@code tryLock()} ignores fairness — its Javadoc says so — and barges
     * ahead of the queued reporter whenever the lock is free.
     */
    static final class FairButTryLock implements Journal {
        private final ReentrantLock lock = new ReentrantLock(true);
        private final List<String> entries = new ArrayList<>();
        private final LockTaken lockTaken;

        FairButTryLock(LockTaken lockTaken) {
            this.lockTaken = lockTaken;
        }

        @Override
        public void append(String entry) {
            if (!lock.tryLock()) {
                lock.lock();
            }
            try {
                lockTaken.reached();
                entries.add(entry);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int size() {
            lock.lock();
            try {
                lockTaken.reached();
                return entries.size();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean hasQueued(Thread thread) {
            return lock.hasQueuedThread(thread);
        }
    }

    /** Right: a fair read-write lock — the reporter's read lock is granted in arrival order, ahead of the next append. */
    static final class FairReadWriteLock implements Journal {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
        private final List<String> entries = new ArrayList<>();
        private final LockTaken lockTaken;

        FairReadWriteLock(LockTaken lockTaken) {
            this.lockTaken = lockTaken;
        }

        @Override
        public void append(String entry) {
            lock.writeLock().lock();
            try {
                lockTaken.reached();
                entries.add(entry);
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public int size() {
            lock.readLock().lock();
            try {
                lockTaken.reached();
                return entries.size();
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public boolean hasQueued(Thread thread) {
            return lock.hasQueuedThread(thread);
        }
    }
}
