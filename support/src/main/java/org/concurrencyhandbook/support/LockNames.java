package org.concurrencyhandbook.support;

import java.lang.management.LockInfo;
import java.lang.management.ThreadInfo;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The names a reader knows a scenario's locks by ("account 1", "the feed"), for a stall's diagnosis: a thread dump
 * knows a lock only by its class and identity hash code.
 *
 * <p>A monitor is recognised by its identity. A {@code ReentrantLock} or {@code ReentrantReadWriteLock} never appears
 * in a dump itself — its private synchronizer does — so it is recognised by a thread queued on it: the synchronizer
 * that thread waits for is this lock's. (A {@code Semaphore} has no owner, so a dump never says who holds one.)
 */
public final class LockNames {

    private final Map<Object, String> names = new IdentityHashMap<>();

    private LockNames() {
    }

    public static LockNames none() {
        return new LockNames();
    }

    /** Names {@code lock}: a monitor (any object a {@code synchronized} block locks) or a lock from java.util.concurrent. */
    public static LockNames of(Object lock, String name) {
        return none().and(lock, name);
    }

    public LockNames and(Object lock, String name) {
        names.put(lock, name);
        return this;
    }

    /**
     * What to call the lock a dump shows: its given name, or its class and identity hash when it has none.
     *
     * @param threads the live threads the dump was taken of, by thread id, to find who is queued on a synchronizer
     * @param dump    what the dump said about each of them
     */
    String nameOf(LockInfo lock, Map<Long, Thread> threads, Collection<ThreadInfo> dump) {
        return known(lock, threads, dump).orElseGet(() -> anonymous(lock));
    }

    private Optional<String> known(LockInfo lock, Map<Long, Thread> threads, Collection<ThreadInfo> dump) {
        for (Map.Entry<Object, String> named : names.entrySet()) {
            Object candidate = named.getKey();
            if (System.identityHashCode(candidate) == lock.getIdentityHashCode()
                    && candidate.getClass().getName().equals(lock.getClassName())) {
                return Optional.of(named.getValue());
            }
            for (ThreadInfo waiter : dump) {
                Thread thread = threads.get(waiter.getThreadId());
                if (thread != null && waitsNowFor(thread, lock) && queuedOn(candidate, thread)) {
                    return Optional.of(named.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the thread is parked, right now, on the very synchronizer the dump shows — a dump is a snapshot, and a
     * thread that has moved on to another lock since must not lend that lock's name to this one.
     */
    private static boolean waitsNowFor(Thread thread, LockInfo lock) {
        Object blocker = LockSupport.getBlocker(thread);
        return blocker != null && System.identityHashCode(blocker) == lock.getIdentityHashCode()
                && blocker.getClass().getName().equals(lock.getClassName());
    }

    private static boolean queuedOn(Object lock, Thread thread) {
        return switch (lock) {
            case ReentrantLock reentrant -> reentrant.hasQueuedThread(thread);
            case ReentrantReadWriteLock readWrite -> readWrite.hasQueuedThread(thread);
            default -> false;
        };
    }

    private static String anonymous(LockInfo lock) {
        String className = lock.getClassName();
        return className.substring(className.lastIndexOf('.') + 1) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }
}
