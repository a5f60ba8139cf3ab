package org.concurrencyhandbook.syncstate.partialupdate;

/**
 * 1.5 Inconsistent state / partial update — the broken bank: a transfer is two updates with a step between them
 * that can fail.
 *
 * <p>Each account is thread-safe on its own — {@code withdraw} and {@code deposit} are {@code synchronized} — and
 * still money disappears. The transfer debits the source, then asks the risk check, then credits the target. When the
 * risk check refuses, the exception leaves the transfer half done: the debit happened, the credit never will. The
 * caller is told "refused, nothing moved" while the money is gone. The same half-done state is visible, for an
 * instant, to anyone who sums the balances while any transfer is between its two steps.
 *
 * <p>Run it: {@code ./handbook 1.5}. It exits 1 because the bank's total changed.
 */
public final class BadExample implements Bank {

    private static final class Account {
        private long balance;

        Account(long balance) {
            this.balance = balance;
        }

        synchronized void withdraw(long amount) {
            balance -= amount;
        }

        synchronized void deposit(long amount) {
            balance += amount;
        }

        synchronized long balance() {
            return balance;
        }
    }

    private final Account[] accounts;
    private final RiskCheck risk;

    public BadExample(int accounts, long openingBalance, RiskCheck risk) {
        this.accounts = new Account[accounts];
        for (int i = 0; i < accounts; i++) {
            this.accounts[i] = new Account(openingBalance);
        }
        this.risk = risk;
    }

    @Override
    public void transfer(int from, int to, long amount) {
        accounts[from].withdraw(amount);
        // Wrong: if this throws, the withdrawal above stays and the deposit below never happens.
        risk.approve(from, to, amount);
        accounts[to].deposit(amount);
    }

    @Override
    public long balance(int account) {
        return accounts[account].balance();
    }

    @Override
    public int accounts() {
        return accounts.length;
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(Transfers.demonstrate("BadExample", BadExample::new));
    }
}
