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
        Copies.demonstrate("BadExample", BadExample::new).exit();
    }
}
