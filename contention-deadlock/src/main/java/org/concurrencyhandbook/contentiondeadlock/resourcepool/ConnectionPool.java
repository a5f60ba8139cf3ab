package org.concurrencyhandbook.contentiondeadlock.resourcepool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A pool of N connections guarded by a {@link Semaphore} of N permits, as most pools are at heart: a permit is the
 * right to take a connection. It also remembers which thread borrowed which connection, as production pools do for
 * leak detection — that is what lets the demo name who holds what when the pool stalls.
 *
 * <p>A semaphore has no owner: the thread that releases a permit need not be the one that took it. So the JVM cannot
 * tell who is waiting for whom, and {@code ThreadMXBean.findDeadlockedThreads()} never reports a cycle through one.
 */
public final class ConnectionPool {

    /** A connection; what it connects to does not matter here. */
    public record Connection(int id) {
        @Override
        public String toString() {
            return "connection " + id;
        }
    }

    private final Semaphore permits;
    private final Queue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final Map<Thread, List<Connection>> borrowed = new ConcurrentHashMap<>();

    public ConnectionPool(int size) {
        this.permits = new Semaphore(size);
        IntStream.rangeClosed(1, size).mapToObj(Connection::new).forEach(idle::add);
    }

    /** Takes one connection, waiting as long as it takes for one to be free. */
    public Connection acquire() throws InterruptedException {
        return acquire(1).getFirst();
    }

    /** Takes {@code count} connections at once: all of them, or — while waiting — none. */
    public List<Connection> acquire(int count) throws InterruptedException {
        permits.acquire(count);
        List<Connection> taken = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            taken.add(idle.remove());
        }
        borrowed.merge(Thread.currentThread(), taken, ConnectionPool::concat);
        return taken;
    }

    /** Takes one connection if one frees up within the time given; {@code null} if none did. */
    public Connection tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        if (!permits.tryAcquire(timeout, unit)) {
            return null;
        }
        Connection taken = idle.remove();
        borrowed.merge(Thread.currentThread(), List.of(taken), ConnectionPool::concat);
        return taken;
    }

    public void release(Connection connection) {
        borrowed.computeIfPresent(Thread.currentThread(), (thread, held) -> {
            List<Connection> left = held.stream().filter(c -> !c.equals(connection)).toList();
            return left.isEmpty() ? null : left;
        });
        idle.add(connection);
        permits.release();
    }

    /** Connections no task holds now. */
    public int free() {
        return permits.availablePermits();
    }

    /** Tasks queued for a permit now ({@code Semaphore.getQueueLength()}, an estimate while they come and go). */
    public int waitingForPermit() {
        return permits.getQueueLength();
    }

    /** Who holds which connection now, by thread name, in name order — what leak detection would log. */
    public Map<String, List<Connection>> holders() {
        Map<String, List<Connection>> byName = new TreeMap<>();
        borrowed.forEach((thread, held) -> byName.put(thread.getName(), held));
        return Collections.unmodifiableMap(byName);
    }

    private static List<Connection> concat(List<Connection> held, List<Connection> more) {
        List<Connection> all = new ArrayList<>(held);
        all.addAll(more);
        return List.copyOf(all);
    }
}
