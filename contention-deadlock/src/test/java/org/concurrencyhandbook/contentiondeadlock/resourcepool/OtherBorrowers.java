package org.concurrencyhandbook.contentiondeadlock.resourcepool;

import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.concurrencyhandbook.contentiondeadlock.resourcepool.ConnectionPool.Connection;

/** The other borrowers {@link ResourcePoolTest} runs through 2.8's scenario: wrong fixes readers try, and other fixes. */
final class OtherBorrowers {

    private static final long SECOND_CONNECTION_WAIT_MILLIS = 20;

    private OtherBorrowers() {
    }

    /**
     * Tempts because a time-out "cannot hang"; but retrying it with the first connection still held is hold-and-wait
     * with a pause in it: every task keeps its one connection and asks again for ever.
     */
    static final class RetrySecondKeepingTheFirst implements PairBorrower {
        private final FirstConnectionHeld firstConnectionHeld;

        RetrySecondKeepingTheFirst(FirstConnectionHeld firstConnectionHeld) {
            this.firstConnectionHeld = firstConnectionHeld;
        }

        @Override
        public void withTwoConnections(ConnectionPool pool, BiConsumer<Connection, Connection> work) throws InterruptedException {
            Connection source = pool.acquire();
            try {
                firstConnectionHeld.reached();
                Connection target;
                while ((target = pool.tryAcquire(SECOND_CONNECTION_WAIT_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                    Thread.onSpinWait();
                }
                try {
                    work.accept(source, target);
                } finally {
                    pool.release(target);
                }
            } finally {
                pool.release(source);
            }
        }
    }

    /**
     * Tempts because it is what pools do (HikariCP's connectionTimeout): the wait ends, with an exception. The
     * deadlock becomes errors — visible, but every task that needed a second connection at peak load fails its work.
     */
    static final class GiveUpOnTheSecond implements PairBorrower {
        private final FirstConnectionHeld firstConnectionHeld;

        GiveUpOnTheSecond(FirstConnectionHeld firstConnectionHeld) {
            this.firstConnectionHeld = firstConnectionHeld;
        }

        @Override
        public void withTwoConnections(ConnectionPool pool, BiConsumer<Connection, Connection> work) throws InterruptedException {
            Connection source = pool.acquire();
            try {
                firstConnectionHeld.reached();
                Connection target = pool.tryAcquire(SECOND_CONNECTION_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (target == null) {
                    throw new IllegalStateException("no second connection within " + SECOND_CONNECTION_WAIT_MILLIS + " ms");
                }
                try {
                    work.accept(source, target);
                } finally {
                    pool.release(target);
                }
            } finally {
                pool.release(source);
            }
        }
    }

    /**
     * Holds because a task that fails to get its second connection gives back its first before it waits again; the
     * random back-off keeps the tasks from retrying in lock-step (2.2).
     */
    static final class ReleaseFirstBackOffRetry implements PairBorrower {
        private final FirstConnectionHeld firstConnectionHeld;

        ReleaseFirstBackOffRetry(FirstConnectionHeld firstConnectionHeld) {
            this.firstConnectionHeld = firstConnectionHeld;
        }

        @Override
        public void withTwoConnections(ConnectionPool pool, BiConsumer<Connection, Connection> work) throws InterruptedException {
            while (true) {
                Connection source = pool.acquire();
                try {
                    firstConnectionHeld.reached();
                    Connection target = pool.tryAcquire(SECOND_CONNECTION_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                    if (target != null) {
                        try {
                            work.accept(source, target);
                            return;
                        } finally {
                            pool.release(target);
                        }
                    }
                } finally {
                    pool.release(source);
                }
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 20));
            }
        }
    }

    /**
     * Holds because at most pool − 1 tasks may hold connections at once (a second semaphore in front of the pool), so
     * among them there is always a connection left for one task's second: T × (C − 1) + 1 ≤ pool, with T = 3, C = 2.
     */
    static final class GateOfThreeTasks implements PairBorrower {
        private final Semaphore holders = new Semaphore(Scenario.CONNECTIONS - 1);
        private final FirstConnectionHeld firstConnectionHeld;

        GateOfThreeTasks(FirstConnectionHeld firstConnectionHeld) {
            this.firstConnectionHeld = firstConnectionHeld;
        }

        @Override
        public void withTwoConnections(ConnectionPool pool, BiConsumer<Connection, Connection> work) throws InterruptedException {
            holders.acquire();
            try {
                Connection source = pool.acquire();
                try {
                    firstConnectionHeld.reached();
                    Connection target = pool.acquire();
                    try {
                        work.accept(source, target);
                    } finally {
                        pool.release(target);
                    }
                } finally {
                    pool.release(source);
                }
            } finally {
                holders.release();
            }
        }
    }
}
