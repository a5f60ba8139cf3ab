package org.concurrencyhandbook.contentiondeadlock.resourcepool;

import java.util.function.BiConsumer;
import org.concurrencyhandbook.contentiondeadlock.resourcepool.ConnectionPool.Connection;

/**
 * How a task gets the two connections it needs from the pool — say, one to read a row from and one to write it to.
 * Both examples implement it.
 */
public interface PairBorrower {

    /** Runs {@code work} with two connections of {@code pool}, and returns both to the pool afterwards. */
    void withTwoConnections(ConnectionPool pool, BiConsumer<Connection, Connection> work) throws InterruptedException;

    /**
     * Where the scenario can step in: a task holds its first connection. In production nothing happens there — and
     * under load every task can hold one at the same moment.
     */
    @FunctionalInterface
    interface FirstConnectionHeld {
        void reached();
    }
}
