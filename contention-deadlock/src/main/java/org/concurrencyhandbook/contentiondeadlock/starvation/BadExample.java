package org.concurrencyhandbook.contentiondeadlock.starvation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * 2.3 Starvation — the broken journal: a non-fair lock, taken again and again by the same busy thread.
 *
 * <p>{@code new ReentrantLock()} — like {@code synchronized} — is non-fair: when the lock is released, a thread that asks
 * for it at that instant may take it ahead of the threads already queued. The writer releases the lock and asks for it
 * again a few nanoseconds later; the queued reporter, woken by the release, needs microseconds to get going, finds the
 * lock taken again and goes back to sleep. Nobody is blocked for good, the writer makes splendid progress, and the
 * reporter waits for as long as the writer keeps writing.
 *
 * <p>Run it: {@code ./handbook 2.3}. It counts, for each of the reporter's reads, how many appends the writer made while
 * the reporter waited, and exits 4 (failure shown) when one read waited through more than two.
 */
public final class BadExample implements Journal {

    // Wrong: non-fair (the default), so a thread re-acquiring the lock can overtake every queued thread, every time.
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> entries = new ArrayList<>();
    private final LockTaken lockTaken;

    public BadExample(LockTaken lockTaken) {
        this.lockTaken = lockTaken;
    }

    @Override
    public void append(String entry) {
        lock.lock();
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

    public static void main(String[] args) throws InterruptedException {
        HotLock.demonstrate("BadExample", BadExample::new).exit();
    }
}
