package org.concurrencyhandbook.contentiondeadlock.virtualthreads;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.concurrencyhandbook.testkit.Fix;

/**
 * The other banks {@link VirtualThreadDeadlockTest} runs on virtual threads — 2.1's explicit-lock variants — each in a
 * JVM of its own, since a deadlock of monitors or of {@code lock()} cannot be undone: {@link #main} takes the bank's
 * name.
 */
final class OtherVirtualBanks {

    /**
     * Tempts because "replace synchronized with ReentrantLock" was the advice for virtual threads before JDK 24 (JEP
     * 491) — against pinning, not deadlock: the locks are still taken in argument order.
     */
    static final List<Fix<Function<Bank.FirstLockHeld, Bank>>> WRONG_FIXES = List.of(
            Fix.of("ReentrantLock instead of synchronized", ArgumentOrderLocks::new));

    /** 2.1's second fix: tryLock with a time-out, then release, back off and retry; it works on virtual threads too. */
    static final List<Fix<Function<Bank.FirstLockHeld, Bank>>> RIGHT_FIXES = List.of(
            Fix.of("tryLock(10 ms), release, back off", TryLockAndBackOff::new));

    private OtherVirtualBanks() {
    }

    /** {@code lock()} on each account's {@code ReentrantLock}, in argument order. */
    static final class ArgumentOrderLocks implements Bank {
        private final FirstLockHeld firstLockHeld;

        ArgumentOrderLocks(FirstLockHeld firstLockHeld) {
            this.firstLockHeld = firstLockHeld;
        }

        @Override
        public void transfer(Account from, Account to, long amount) {
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

    /** The second lock with a time-out; on failure both are released and the transfer retries after a random pause. */
    static final class TryLockAndBackOff implements Bank {
        private static final long SECOND_LOCK_WAIT_MILLIS = 10;
        private final FirstLockHeld firstLockHeld;

        TryLockAndBackOff(FirstLockHeld firstLockHeld) {
            this.firstLockHeld = firstLockHeld;
        }

        @Override
        public void transfer(Account from, Account to, long amount) {
            try {
                transferOrRetry(from, to, amount);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while transferring", e);
            }
        }

        private void transferOrRetry(Account from, Account to, long amount) throws InterruptedException {
            while (true) {
                from.lock.lock();
                try {
                    firstLockHeld.reached();
                    if (to.lock.tryLock(SECOND_LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                        try {
                            from.moveTo(to, amount);
                            return;
                        } finally {
                            to.lock.unlock();
                        }
                    }
                } finally {
                    from.lock.unlock();
                }
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 20));
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Fix<Function<Bank.FirstLockHeld, Bank>> fix = Fix.named(args[0], WRONG_FIXES, RIGHT_FIXES);
        Scenario.demonstrate(fix.name(), fix.make()).exit();
    }
}
