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
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.3} printed:
 * <pre>
 * A writer appends in a tight loop while a reporter reads the size 10 times (at most 100,000 appends).
 * The writer took the lock 4,897 times. The reporter's 10 reads waited through [2, 17, 10, 1, 24, 2, 437, 266, 1702, 2426] of its appends.
 * STARVED: one read waited through 2,426 appends — the writer took the lock again and again while the reporter stood queued for it.
 * </pre>
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
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
