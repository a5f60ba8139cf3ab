package org.concurrencyhandbook.contentiondeadlock.resourcepool;

import java.util.function.BiConsumer;
import org.concurrencyhandbook.contentiondeadlock.resourcepool.ConnectionPool.Connection;

/**
 * 2.8 Resource-pool deadlock — the broken borrower: it takes its two connections one at a time.
 *
 * <p>Holding one connection, it waits for a second. When as many tasks as the pool has connections each hold one,
 * every connection is taken and every task waits for another — which only a task that is waiting could give back.
 * No lock is involved, only a counting semaphore, so no deadlock detector reports it: the tasks are simply WAITING in
 * {@code Semaphore.acquire}, forever.
 *
 * <p>Run it: {@code ./handbook 2.8}. A progress watchdog sees that no copy has completed for a second; the demo prints
 * the pool's state (who holds which connection) and the threads' stacks, and exits 4 (failure shown).
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.8} printed:
 * <pre>
 * 4 tasks copy 250 rows each; every copy needs two of the pool's 4 connections.
 * Stalled (no progress) after 1034 ms: 0 of 1,000 copies done.
 * 0 of 4 connections free, 4 tasks waiting for a permit (Semaphore.getQueueLength())
 *   "copier-1" holds [connection 1]
 *   "copier-2" holds [connection 2]
 *   "copier-3" holds [connection 3]
 *   "copier-4" holds [connection 4]
 * ThreadMXBean.findDeadlockedThreads(): no deadlock found — a semaphore has no owner.
 * No progress for 1000 ms (counter stuck at 0)
 *   "copier-1" waits in Semaphore.acquire, at ConnectionPool.acquire (ConnectionPool.java:49)
 *   "copier-2" waits in Semaphore.acquire, at ConnectionPool.acquire (ConnectionPool.java:49)
 *   "copier-3" waits in Semaphore.acquire, at ConnectionPool.acquire (ConnectionPool.java:49)
 *   "copier-4" waits in Semaphore.acquire, at ConnectionPool.acquire (ConnectionPool.java:49)
 * (Full stacks: add --thread-dump to ./handbook, or -Dhandbook.threadDump=true to java.)
 * </pre>
 */
public final class BadExample implements PairBorrower {

    private final FirstConnectionHeld firstConnectionHeld;

    public BadExample(FirstConnectionHeld firstConnectionHeld) {
        this.firstConnectionHeld = firstConnectionHeld;
    }

    @Override
    public void withTwoConnections(ConnectionPool pool, BiConsumer<Connection, Connection> work) throws InterruptedException {
        Connection source = pool.acquire();
        try {
            firstConnectionHeld.reached();
            // Wrong: waits for a second connection while holding the first.
            Connection target = pool.acquire();
            try {
                work.accept(source, target);
            } finally {
                pool.release(target);
            }
        } finally {
            pool.release(source);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
