package org.concurrencyhandbook.support;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Waits for other threads to reach a point of a forced interleaving — or to be unable to reach it because they are
 * blocked on a lock the waiting thread holds. That second case is how a correct implementation shows itself in a
 * scenario built to break an incorrect one: the other thread does not get in, it queues.
 */
public final class Await {

    private static final long POLL_NANOS = 50_000;

    private Await() {
    }

    /**
     * Returns once every thread has either {@code arrived} (as the scenario defines it), ended, or is BLOCKED on a
     * monitor or WAITING on a lock. Throws if that has not happened within {@code limit}.
     */
    public static void arrivedOrBlocked(Collection<Thread> threads, Predicate<Thread> arrived, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!threads.stream().allMatch(t -> arrived.test(t) || cannotArrive(t))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("within " + limit.toMillis() + " ms, some of " + names(threads)
                        + " neither arrived nor blocked");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static boolean cannotArrive(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TERMINATED;
    }

    private static String names(Collection<Thread> threads) {
        return threads.stream().map(Thread::getName).toList().toString();
    }
}
