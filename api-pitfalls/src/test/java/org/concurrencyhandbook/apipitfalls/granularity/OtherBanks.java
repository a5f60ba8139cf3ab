package org.concurrencyhandbook.apipitfalls.granularity;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** The banks 3.1's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherBanks {

    private OtherBanks() {
    }

    /**
     * Wrong: a lock per account, and a transfer that takes them one at a time — debit under the source's lock, credit
     * under the target's. It tempts because it is the finest locking there is, and the clerks all work at once; it
     * fails because the transfer's invariant spans two accounts and no lock covers both, so an auditor between the
     * two steps counts money that is in neither.
     */
    static final class LockPerAccountOneAtATime implements Bank {
        private final Object[] locks;
        private final long[] balances;
        private final InterestRule interest;
        private final MidTransfer midTransfer;

        LockPerAccountOneAtATime(int accounts, long openingBalance, InterestRule interest, MidTransfer midTransfer) {
            this.locks = new Object[accounts];
            this.balances = new long[accounts];
            for (int i = 0; i < accounts; i++) {
                locks[i] = new Object();
                balances[i] = openingBalance;
            }
            this.interest = interest;
            this.midTransfer = midTransfer;
        }

        @Override
        public void postInterest(int account) {
            synchronized (locks[account]) {
                balances[account] += interest.interestOn(account, balances[account]);
            }
        }

        @Override
        public void transfer(int from, int to, long amount) {
            synchronized (locks[from]) {
                balances[from] -= amount;
            }
            midTransfer.reached();
            synchronized (locks[to]) {
                balances[to] += amount;
            }
        }

        @Override
        public long total() {
            long total = 0;
            for (int account = 0; account < balances.length; account++) {
                synchronized (locks[account]) {
                    total += balances[account];
                }
            }
            return total;
        }
    }

    /**
     * Wrong: no locks at all, each balance an atomic in an {@code AtomicLongArray}. It tempts because every single
     * update is atomic and nobody ever waits; it fails for the same reason as the lock per account — a transfer is two
     * atomic updates, and between them the money is nowhere.
     */
    static final class AtomicBalances implements Bank {
        private final AtomicLongArray balances;
        private final InterestRule interest;
        private final MidTransfer midTransfer;

        AtomicBalances(int accounts, long openingBalance, InterestRule interest, MidTransfer midTransfer) {
            this.balances = new AtomicLongArray(accounts);
            for (int i = 0; i < accounts; i++) {
                balances.set(i, openingBalance);
            }
            this.interest = interest;
            this.midTransfer = midTransfer;
        }

        @Override
        public void postInterest(int account) {
            balances.getAndUpdate(account, balance -> balance + interest.interestOn(account, balance));
        }

        @Override
        public void transfer(int from, int to, long amount) {
            balances.addAndGet(from, -amount);
            midTransfer.reached();
            balances.addAndGet(to, amount);
        }

        @Override
        public long total() {
            long total = 0;
            for (int account = 0; account < balances.length(); account++) {
                total += balances.get(account);
            }
            return total;
        }
    }

    /**
     * Wrong: one {@code ReentrantReadWriteLock} for the bank, interest posted under the <em>read</em> lock "because
     * clerks on different accounts do not conflict", transfers under the write lock. It tempts because the four clerks
     * do all get in at once and every audit balances; it fails because a read lock excludes no other reader: two
     * clerks on the same account read the same balance, and one posting is lost.
     */
    static final class ReadLockForInterest implements Bank {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private final long[] balances;
        private final InterestRule interest;
        private final MidTransfer midTransfer;

        ReadLockForInterest(int accounts, long openingBalance, InterestRule interest, MidTransfer midTransfer) {
            this.balances = new long[accounts];
            Arrays.fill(balances, openingBalance);
            this.interest = interest;
            this.midTransfer = midTransfer;
        }

        @Override
        public void postInterest(int account) {
            lock.readLock().lock();
            try {
                balances[account] += interest.interestOn(account, balances[account]);
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public void transfer(int from, int to, long amount) {
            lock.writeLock().lock();
            try {
                balances[from] -= amount;
                midTransfer.reached();
                balances[to] += amount;
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public long total() {
            lock.writeLock().lock();
            try {
                long total = 0;
                for (long balance : balances) {
                    total += balance;
                }
                return total;
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /**
     * Right: lock striping — a fixed array of {@code ReentrantLock}s, account {@code n} guarded by stripe
     * {@code n % STRIPES}, for when accounts are too many to give each a lock object. Two-account operations take both
     * stripes in stripe order (once, when they share one); {@code total()} takes every stripe in order.
     */
    static final class StripedLocks implements Bank {
        private static final int STRIPES = 16;
        private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
        private final long[] balances;
        private final InterestRule interest;
        private final MidTransfer midTransfer;

        StripedLocks(int accounts, long openingBalance, InterestRule interest, MidTransfer midTransfer) {
            for (int i = 0; i < STRIPES; i++) {
                stripes[i] = new ReentrantLock();
            }
            this.balances = new long[accounts];
            Arrays.fill(balances, openingBalance);
            this.interest = interest;
            this.midTransfer = midTransfer;
        }

        private ReentrantLock stripeOf(int account) {
            return stripes[account % STRIPES];
        }

        @Override
        public void postInterest(int account) {
            ReentrantLock lock = stripeOf(account);
            lock.lock();
            try {
                balances[account] += interest.interestOn(account, balances[account]);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void transfer(int from, int to, long amount) {
            ReentrantLock first = stripes[Math.min(from % STRIPES, to % STRIPES)];
            ReentrantLock second = stripes[Math.max(from % STRIPES, to % STRIPES)];
            first.lock();
            try {
                second.lock();
                try {
                    balances[from] -= amount;
                    midTransfer.reached();
                    balances[to] += amount;
                } finally {
                    second.unlock();
                }
            } finally {
                first.unlock();
            }
        }

        @Override
        public long total() {
            return sumHoldingStripesFrom(0);
        }

        private long sumHoldingStripesFrom(int stripe) {
            if (stripe == STRIPES) {
                long total = 0;
                for (long balance : balances) {
                    total += balance;
                }
                return total;
            }
            ReentrantLock lock = stripes[stripe];
            lock.lock();
            try {
                return sumHoldingStripesFrom(stripe + 1);
            } finally {
                lock.unlock();
            }
        }
    }
}
