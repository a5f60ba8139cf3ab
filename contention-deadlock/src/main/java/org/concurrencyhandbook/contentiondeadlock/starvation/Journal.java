package org.concurrencyhandbook.contentiondeadlock.starvation;

/**
 * An append-only journal behind one lock: a batch writer appends to it all day; a reporter reads its size now and then.
 * Both examples implement it.
 */
public interface Journal {

    void append(String entry);

    int size();

    /** Whether {@code thread} is queued for the journal's lock — what {@code ReentrantLock.hasQueuedThread} tells. */
    boolean hasQueued(Thread thread);

    /**
     * Where the scenario can step in: the calling thread has just taken the journal's lock. In production nothing
     * happens there.
     */
    @FunctionalInterface
    interface LockTaken {
        void reached();
    }
}
