package org.concurrencyhandbook.asyncpitfalls.fanout;

import java.util.List;

/**
 * Runs many tasks at once; each prepares — independent, blocking work — and then calls a scarce resource. Both
 * examples implement it.
 */
public interface Fanout {

    /** Runs every task and returns when all have ended. */
    void runAll(List<Task> tasks) throws InterruptedException;

    /** One task: its own preparation, then the one call to the scarce resource. */
    interface Task {
        void prepare() throws InterruptedException;

        void callResource() throws InterruptedException;
    }
}
