package org.concurrencyhandbook.apipitfalls.busywait;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/** The handoffs 3.5's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherHandoffs {

    private OtherHandoffs() {
    }

    /**
     * Wrong: {@code Thread.yield()} in the loop. It tempts because it "gives the CPU away"; it fails because a yield
     * is only a hint, and with nothing else ready to run on that core the scheduler hands the CPU straight back: the
     * waiter is still on a CPU for the whole wait.
     */
    static final class YieldingSpin implements Handoff {
        private volatile boolean ready;

        @Override
        public void signal() {
            ready = true;
        }

        @Override
        public void awaitSignal() {
            while (!ready) {
                Thread.yield();
            }
        }
    }

    /**
     * Wrong: {@code Thread.sleep(1)} in the loop. It tempts because the CPU share drops to almost nothing; it fails the
     * other way: it wakes again and again to look, and notices the signal only at its next look, up to a sleep later,
     * on every wait.
     */
    static final class SleepingPoll implements Handoff {
        private volatile boolean ready;

        @Override
        public void signal() {
            ready = true;
        }

        @Override
        public void awaitSignal() throws InterruptedException {
            while (!ready) {
                Thread.sleep(1);
            }
        }
    }

    /** Right: {@code LockSupport.park}, in a loop (a park may return spuriously), woken by {@code unpark}. */
    static final class ParkAndUnpark implements Handoff {
        private volatile boolean ready;
        private volatile Thread waiter;

        @Override
        public void signal() {
            ready = true;
            Thread toWake = waiter;
            if (toWake != null) {
                LockSupport.unpark(toWake);
            }
        }

        @Override
        public void awaitSignal() {
            waiter = Thread.currentThread();
            while (!ready) {
                LockSupport.park(this);
            }
        }
    }

    /** Right: a {@code Condition}, awaited in a {@code while} loop under its lock and signalled under it (3.8). */
    static final class ConditionAwait implements Handoff {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition readyNow = lock.newCondition();
        private boolean ready;

        @Override
        public void signal() {
            lock.lock();
            try {
                ready = true;
                readyNow.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void awaitSignal() throws InterruptedException {
            lock.lock();
            try {
                while (!ready) {
                    readyNow.await();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Right where waits are often very short: spin a bounded number of times with {@code Thread.onSpinWait()} (a hint
     * that lets the CPU save power and the other hardware thread run), then park. A long wait costs only the spin.
     */
    static final class SpinThenPark implements Handoff {
        private static final int SPINS = 1_000;
        private volatile boolean ready;
        private volatile Thread waiter;

        @Override
        public void signal() {
            ready = true;
            Thread toWake = waiter;
            if (toWake != null) {
                LockSupport.unpark(toWake);
            }
        }

        @Override
        public void awaitSignal() {
            for (int spin = 0; spin < SPINS && !ready; spin++) {
                Thread.onSpinWait();
            }
            waiter = Thread.currentThread();
            while (!ready) {
                LockSupport.park(this);
            }
        }
    }
}
