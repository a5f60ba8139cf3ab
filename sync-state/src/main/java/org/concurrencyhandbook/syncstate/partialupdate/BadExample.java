package org.concurrencyhandbook.syncstate.partialupdate;

/**
 * 1.5 Inconsistent state / partial update — the broken bank: a transfer is two updates with a step between them
 * that can fail.
 *
 * <p>Each account is thread-safe on its own — {@code withdraw} and {@code deposit} are {@code synchronized} — and
 * still money disappears. The transfer debits the source, then asks the risk check, then credits the target. When the
 * risk check refuses, the exception leaves the transfer half done: the debit happened, the credit never will. The
 * caller is told "refused, nothing moved" while the money is gone. And even when nothing fails, the half-done state is
 * there for other threads to see: an auditor summing the balances while a transfer is between its two steps counts
 * the money in neither account — each account's lock protects that account, not the pair.
 *
 * <p>Run it: {@code ./handbook 1.5}. It exits 4 (failure shown) because the bank's total changed.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.5} printed:
 * <pre>
 * 2 tellers made 1,000 transfers of 10 € between 4 accounts of 1,000 € each; the risk check refused 100 of them.
 * Money in the bank: expected 4,000 €, found 3,000 €.
 * MONEY VANISHED: 1,000 € — debited from one account and credited to none.
 * An auditor summed the bank in the middle of 100 more transfers: 100 of the sums were off (e.g. 3,990 €) — another thread saw transfers half done.
 * </pre>
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
    private final MidTransfer midTransfer;

    public BadExample(int accounts, long openingBalance, RiskCheck risk, MidTransfer midTransfer) {
        this.accounts = new Account[accounts];
        for (int i = 0; i < accounts; i++) {
            this.accounts[i] = new Account(openingBalance);
        }
        this.risk = risk;
        this.midTransfer = midTransfer;
    }

    @Override
    public void transfer(int from, int to, long amount) {
        accounts[from].withdraw(amount);
        // Wrong: from here to the deposit, other threads see the money in neither account.
        midTransfer.reached();
        // Wrong: if this throws, the withdrawal above stays and the deposit below never happens.
        risk.approve(from, to, amount);
        accounts[to].deposit(amount);
    }

    @Override
    public long balance(int account) {
        return accounts[account].balance();
    }

    @Override
    public long total() {
        long total = 0;
        for (Account account : accounts) {
            total += account.balance();
        }
        return total;
    }

    @Override
    public int accounts() {
        return accounts.length;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
