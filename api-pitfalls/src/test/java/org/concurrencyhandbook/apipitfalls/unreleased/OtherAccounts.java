package org.concurrencyhandbook.apipitfalls.unreleased;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.concurrencyhandbook.testkit.Fix;

/** The accounts 3.12's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherAccounts {

    static final Fix<Supplier<Account>> LOCK_INSIDE_THE_TRY = Fix.of("lockInterruptibly() inside the try", LockInsideTheTry::new);
    static final Fix<Supplier<Account>> UNLOCK_IN_A_CATCH = Fix.of("unlock() in a catch (RuntimeException)", UnlockInACatch::new);
    static final Fix<Supplier<Account>> FINALLY_WHERE_IT_THROWS =
            Fix.of("a finally only where the code visibly throws", FinallyWhereItThrows::new);
    static final List<Fix<Supplier<Account>>> RIGHT_FIXES = List.of(Fix.of("synchronized", Synchronized::new));

    private OtherAccounts() {
    }

    /**
     * The {@code finally} is there — and so is the acquisition, inside the {@code try}: when waiting for the lock is
     * interrupted, the {@code finally} unlocks a lock this thread never got.
     */
    private static final class LockInsideTheTry implements Account {
        private final ReentrantLock lock = new ReentrantLock();
        private long balance;

        @Override
        public void deposit(long amount) throws InterruptedException {
            try {
                lock.lockInterruptibly();
                balance += amount;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void withdraw(long amount) throws InterruptedException {
            try {
                lock.lockInterruptibly();
                if (amount > balance) {
                    throw new IllegalArgumentException("balance " + balance + " is less than " + amount);
                }
                balance -= amount;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void audit(LongConsumer auditor) throws InterruptedException {
            try {
                lock.lockInterruptibly();
                auditor.accept(balance);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public long balance() throws InterruptedException {
            try {
                lock.lockInterruptibly();
                return balance;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Releases on the way out of an exception — and an {@code Error} is not one. */
    private static final class UnlockInACatch implements Account {
        private final ReentrantLock lock = new ReentrantLock();
        private long balance;

        @Override
        public void deposit(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                balance += amount;
            } catch (RuntimeException e) {
                lock.unlock();
                throw e;
            }
            lock.unlock();
        }

        @Override
        public void withdraw(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                if (amount > balance) {
                    throw new IllegalArgumentException("balance " + balance + " is less than " + amount);
                }
                balance -= amount;
            } catch (RuntimeException e) {
                lock.unlock();
                throw e;
            }
            lock.unlock();
        }

        @Override
        public void audit(LongConsumer auditor) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                auditor.accept(balance);
            } catch (RuntimeException e) {
                lock.unlock();
                throw e;
            }
            lock.unlock();
        }

        @Override
        public long balance() throws InterruptedException {
            lock.lockInterruptibly();
            long current = balance;
            lock.unlock();
            return current;
        }
    }

    /**
     * The {@code finally} added where the overdraft throws; {@code audit} "cannot throw" — but it calls an auditor,
     * and an auditor can.
     */
    private static final class FinallyWhereItThrows implements Account {
        private final ReentrantLock lock = new ReentrantLock();
        private long balance;

        @Override
        public void deposit(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            balance += amount;
            lock.unlock();
        }

        @Override
        public void withdraw(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                if (amount > balance) {
                    throw new IllegalArgumentException("balance " + balance + " is less than " + amount);
                }
                balance -= amount;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void audit(LongConsumer auditor) throws InterruptedException {
            lock.lockInterruptibly();
            auditor.accept(balance);
            lock.unlock();
        }

        @Override
        public long balance() throws InterruptedException {
            lock.lockInterruptibly();
            long current = balance;
            lock.unlock();
            return current;
        }
    }

    /**
     * The JVM releases a monitor on every way out of the block. The price: a thread waiting for a monitor does not
     * answer interrupts — the interrupted clerk deposits once the audit ends.
     */
    private static final class Synchronized implements Account {
        private long balance;

        @Override
        public synchronized void deposit(long amount) {
            balance += amount;
        }

        @Override
        public synchronized void withdraw(long amount) {
            if (amount > balance) {
                throw new IllegalArgumentException("balance " + balance + " is less than " + amount);
            }
            balance -= amount;
        }

        @Override
        public synchronized void audit(LongConsumer auditor) {
            auditor.accept(balance);
        }

        @Override
        public synchronized long balance() {
            return balance;
        }
    }
}
