package org.concurrencyhandbook.contentiondeadlock.livelock;

/**
 * A copy job needs both the scanner and the printer. Workers are polite: one that holds a device and finds the other
 * taken does not wait for it while holding on — it puts its device back and tries again. Both examples implement it.
 */
public interface CopyRoom {

    /**
     * Runs {@code job} for a worker who reaches for {@code first}, then {@code second}, while holding both; returns how
     * many attempts it took.
     */
    int copy(Device first, Device second, Runnable job);

    /**
     * The points of an attempt, where the scenario can step in: there, a worker waits until the other worker has
     * reached the same point or cannot reach it (it is blocked, or done). In production nothing happens there — but two
     * threads running the same code at the same speed can stay in step for a long time.
     */
    interface Attempt {
        /** The worker holds the first device it reached for. */
        void holdingFirst();

        /** The worker found its second device taken. */
        void refused();

        /** The worker has put its first device back and is about to try again. */
        void putBack();
    }
}
