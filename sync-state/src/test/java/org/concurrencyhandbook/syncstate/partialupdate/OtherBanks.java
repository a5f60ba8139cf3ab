package org.concurrencyhandbook.syncstate.partialupdate;

/** The banks 1.5's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherBanks {

    private OtherBanks() {
    }

    /** The accounts and collaborators every variant shares; only {@code transfer} and {@code total} differ. */
    private abstract static class Accounts implements Bank {
        final long[] balances;
        final RiskCheck risk;
        final MidTransfer midTransfer;

        Accounts(int accounts, long openingBalance, RiskCheck risk, MidTransfer midTransfer) {
            this.balances = new long[accounts];
            java.util.Arrays.fill(balances, openingBalance);
            this.risk = risk;
            this.midTransfer = midTransfer;
        }

        @Override
        public synchronized long balance(int account) {
            return balances[account];
        }

        @Override
        public int accounts() {
            return balances.length;
        }
    }

    /**
     * Wrong: the risk check moved first, nothing locked. It tempts because the refusals no longer lose money; it fails
     * because another thread still sees the money in neither account between the two writes.
     */
    static final class ValidateFirstNoLock extends Accounts {
        ValidateFirstNoLock(int accounts, long openingBalance, RiskCheck risk, MidTransfer midTransfer) {
            super(accounts, openingBalance, risk, midTransfer);
        }

        @Override
        public void transfer(int from, int to, long amount) {
            risk.approve(from, to, amount);
            balances[from] -= amount;
            midTransfer.reached();
            balances[to] += amount;
        }

        @Override
        public long total() {
            long total = 0;
            for (long balance : balances) {
                total += balance;
            }
            return total;
        }
    }

    /**
     * Wrong: a compensating action — credit the source back when the risk check refuses. It tempts because no money is
     * lost any more; it fails because until the credit (or the refund) lands, an auditor counts 10 € missing.
     */
    static final class CompensateOnRefusal extends Accounts {
        CompensateOnRefusal(int accounts, long openingBalance, RiskCheck risk, MidTransfer midTransfer) {
            super(accounts, openingBalance, risk, midTransfer);
        }

        @Override
        public void transfer(int from, int to, long amount) {
            synchronized (this) {
                balances[from] -= amount;
            }
            midTransfer.reached();
            try {
                risk.approve(from, to, amount);
            } catch (Refused refused) {
                synchronized (this) {
                    balances[from] += amount;
                }
                throw refused;
            }
            synchronized (this) {
                balances[to] += amount;
            }
        }

        @Override
        public synchronized long total() {
            long total = 0;
            for (long balance : balances) {
                total += balance;
            }
            return total;
        }
    }

    /** Right: validate first, then both balances and the audit under one bank-wide lock — simplest, no concurrency. */
    static final class ValidateFirstOneLock extends Accounts {
        ValidateFirstOneLock(int accounts, long openingBalance, RiskCheck risk, MidTransfer midTransfer) {
            super(accounts, openingBalance, risk, midTransfer);
        }

        @Override
        public void transfer(int from, int to, long amount) {
            risk.approve(from, to, amount);
            synchronized (this) {
                balances[from] -= amount;
                midTransfer.reached();
                balances[to] += amount;
            }
        }

        @Override
        public synchronized long total() {
            long total = 0;
            for (long balance : balances) {
                total += balance;
            }
            return total;
        }
    }

    /**
     * Right: the compensating action, inside one critical section with both steps — the failure is undone before any
     * other thread can look.
     */
    static final class CompensateUnderOneLock extends Accounts {
        CompensateUnderOneLock(int accounts, long openingBalance, RiskCheck risk, MidTransfer midTransfer) {
            super(accounts, openingBalance, risk, midTransfer);
        }

        @Override
        public synchronized void transfer(int from, int to, long amount) {
            balances[from] -= amount;
            midTransfer.reached();
            try {
                risk.approve(from, to, amount);
            } catch (Refused refused) {
                balances[from] += amount;
                throw refused;
            }
            balances[to] += amount;
        }

        @Override
        public synchronized long total() {
            long total = 0;
            for (long balance : balances) {
                total += balance;
            }
            return total;
        }
    }
}
