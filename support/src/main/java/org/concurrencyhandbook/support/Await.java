package org.concurrencyhandbook.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.StampedLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Waits for other threads to reach a point of a forced interleaving — or to be unable to reach it because they are
 * blocked on a lock the waiting thread holds. That second case is how a correct implementation shows itself in a
 * scenario built to break an incorrect one: the other thread does not get in, it queues.
 */
public final class Await {

    private static final long POLL_NANOS = 50_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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

    /**
     * Returns once every thread has either {@code arrived}, ended, or is blocked on a lock — a monitor or a
     * {@code java.util.concurrent} lock — that the <em>calling</em> thread owns. A thread waiting for anything else
     * (a condition, a queue, another thread's lock) has not been stopped by us, and is waited for. Platform threads
     * only: the JVM reports no lock owners for virtual threads. A {@code StampedLock} has no owner to ask: a thread
     * parked on a write-locked one counts as blocked by the caller, so use it only where the caller is the one writer.
     */
    public static void arrivedOrBlockedByMe(Collection<Thread> threads, Predicate<Thread> arrived, Duration limit) {
        arrivedOrBlockedBy(threads, arrived, Thread.currentThread(), limit);
    }

    /**
     * As {@link #arrivedOrBlockedByMe}, for a lock {@code owner} holds: the scenario watches two other threads, and
     * asks whether one is stuck behind the other — not merely waiting for something of its own.
     */
    public static void arrivedOrBlockedBy(Collection<Thread> threads, Predicate<Thread> arrived, Thread owner,
                                          Duration limit) {
        long ownerId = owner.threadId();
        long deadline = System.nanoTime() + limit.toNanos();
        while (!threads.stream().allMatch(t -> arrived.test(t) || t.getState() == Thread.State.TERMINATED
                || blockedBy(t, ownerId))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("within " + limit.toMillis() + " ms, some of " + names(threads)
                        + " neither arrived nor blocked on a lock " + owner.getName() + " holds");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static boolean blockedBy(Thread thread, long ownerId) {
        ThreadInfo info = THREADS.getThreadInfo(thread.threadId());
        if (info == null) {
            return false;
        }
        // A StampedLock records no owner: a thread parked on one that is write-locked is blocked by its writer.
        return info.getLockOwnerId() == ownerId
                || LockSupport.getBlocker(thread) instanceof StampedLock stamped && stamped.isWriteLocked();
    }

    private static boolean cannotArrive(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TERMINATED;
    }

    private static String names(Collection<Thread> threads) {
        return threads.stream().map(Thread::getName).toList().toString();
    }

    /**
     * Waits for a latch a scenario opens, at most {@code limit}: a latch that stays shut means the scenario went wrong,
     * and {@code otherwise} says how.
     */
    public static void opened(CountDownLatch latch, Duration limit, String otherwise) {
        try {
            if (!latch.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(otherwise);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting: " + otherwise, e);
        }
    }

    /**
     * Waits, polling, until {@code condition} holds, at most {@code limit}: a condition that never comes true means the
     * scenario went wrong, and {@code otherwise} says how.
     */
    public static void until(BooleanSupplier condition, Duration limit, String otherwise) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(otherwise);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * Whether {@code future} completes within {@code limit}: {@code false} if it has not by then. A future that fails
     * is not a slow one: its failure is rethrown, so that a scenario never judges a crash as a wait.
     */
    public static boolean completed(Future<?> future, Duration limit) throws InterruptedException {
        try {
            future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException notYet) {
            return false;
        } catch (ExecutionException failed) {
            throw new IllegalStateException("the awaited work failed: " + failed.getCause(), failed.getCause());
        }
    }

    /**
     * A seam each thread of {@code group} waits at only the first time it passes: until every other thread of the group
     * has passed it too, or is blocked — the moment, say, every thread holds its first lock, which is what makes a
     * lock-order deadlock certain, while a correct order lets the second thread queue instead. {@code group} may be
     * filled after the seam is made, before its threads start.
     */
    public static Runnable firstPassTogether(List<Thread> group, Duration limit) {
        Set<Thread> passed = ConcurrentHashMap.newKeySet();
        return () -> {
            Thread me = Thread.currentThread();
            if (passed.add(me)) {
                arrivedOrBlocked(group.stream().filter(thread -> thread != me).toList(), passed::contains, limit);
            }
        };
    }
}
