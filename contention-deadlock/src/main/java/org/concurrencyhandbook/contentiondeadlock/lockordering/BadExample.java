package org.concurrencyhandbook.contentiondeadlock.lockordering;

import java.util.List;

/**
 * 2.1 Deadlock (lock ordering) — the broken bank: each transfer locks its source account, then its target.
 *
 * <p>{@code transfer(a, b)} takes a's lock then b's; {@code transfer(b, a)}, on another thread, takes b's then a's.
 * If each gets its first lock before the other asks for its second, each waits for a lock the other holds, and neither
 * will ever let go: a cycle in the waits-for graph. Both threads stop for good; nothing times out, nothing throws.
 * The lock order depends on the arguments, so two correct-looking calls make a deadlock together.
 *
 * <p>Both kinds of Java lock do it: intrinsic monitors ({@code synchronized}) and {@code ReentrantLock}.
 * {@code ThreadMXBean.findDeadlockedThreads()} finds both cycles; {@code findMonitorDeadlockedThreads()} only the
 * first.
 *
 * <p>Run it: {@code ./handbook 2.1}. The watchdog finds each deadlock, says who holds and waits for which account,
 * and the demo exits 4 (failure shown) — its deadlocked threads are daemons, so they cannot keep the JVM alive.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.1} printed:
 * <pre>
 * Two threads, 1,000 transfers each between the same two accounts, in opposite directions.
 *
 * synchronized: deadlock, found by ThreadMXBean.findDeadlockedThreads() after 51 ms.
 * Deadlock: 2 threads wait for each other
 *   "transfer 1-&gt;2" holds account 1 and waits to lock account 2, held by "transfer 2-&gt;1", at BadExample.WithMonitors.transfer (BadExample.java:58)
 *   "transfer 2-&gt;1" holds account 2 and waits to lock account 1, held by "transfer 1-&gt;2", at BadExample.WithMonitors.transfer (BadExample.java:58)
 *   cycle: "transfer 1-&gt;2" -&gt; "transfer 2-&gt;1" -&gt; "transfer 1-&gt;2"
 * (Full stacks: add --thread-dump to ./handbook, or -Dhandbook.threadDump=true to java.)
 *
 * ReentrantLock: deadlock, found by ThreadMXBean.findDeadlockedThreads() after 2 ms.
 * Deadlock: 2 threads wait for each other
 *   "transfer 1-&gt;2" holds account 1's lock and waits in ReentrantLock.lock for account 2's lock, held by "transfer 2-&gt;1", at BadExample.WithReentrantLocks.transfer (BadExample.java:78)
 *   "transfer 2-&gt;1" holds account 2's lock and waits in ReentrantLock.lock for account 1's lock, held by "transfer 1-&gt;2", at BadExample.WithReentrantLocks.transfer (BadExample.java:78)
 *   cycle: "transfer 1-&gt;2" -&gt; "transfer 2-&gt;1" -&gt; "transfer 1-&gt;2"
 * (Full stacks: add --thread-dump to ./handbook, or -Dhandbook.threadDump=true to java.)
 * </pre>
 */
public final class BadExample {

    private BadExample() {
    }

    /** Nested {@code synchronized} blocks, in argument order. */
    public static final class WithMonitors implements Bank {
        private final FirstLockHeld firstLockHeld;

        public WithMonitors(FirstLockHeld firstLockHeld) {
            this.firstLockHeld = firstLockHeld;
        }

        @Override
        public void transfer(Account from, Account to, long amount) {
            // Wrong: the order of the two locks is the order of the arguments, which callers choose.
            synchronized (from) {
                firstLockHeld.reached();
                synchronized (to) {
                    from.moveTo(to, amount);
                }
            }
        }
    }

    /** {@code lock()} on two {@code ReentrantLock}s, in argument order. */
    public static final class WithReentrantLocks implements Bank {
        private final FirstLockHeld firstLockHeld;

        public WithReentrantLocks(FirstLockHeld firstLockHeld) {
            this.firstLockHeld = firstLockHeld;
        }

        @Override
        public void transfer(Account from, Account to, long amount) {
            // Wrong: the same argument-ordered locking; lock() waits for ever, like a monitor.
            from.lock.lock();
            try {
                firstLockHeld.reached();
                to.lock.lock();
                try {
                    from.moveTo(to, amount);
                } finally {
                    to.lock.unlock();
                }
            } finally {
                from.lock.unlock();
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", List.of(new Scenario.Variant("synchronized", WithMonitors::new),
                new Scenario.Variant("ReentrantLock", WithReentrantLocks::new))).exit();
    }
}
