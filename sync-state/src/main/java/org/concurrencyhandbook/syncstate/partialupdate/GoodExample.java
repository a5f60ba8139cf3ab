package org.concurrencyhandbook.syncstate.partialupdate;

/**
 * 1.5 Inconsistent state / partial update — the fixed bank: everything that can fail happens before anything
 * changes, and the change itself happens all at once.
 *
 * <p>The risk check runs first; a refusal leaves every balance as it was. Then both balances change inside one
 * critical section that holds the locks of both accounts, and contains nothing that can throw — so no other transfer,
 * and no auditor taking the same locks, can see the money in neither account or in both. The auditor's
 * {@link #total()} takes every account's lock, lowest number first, as transfers do — so it cannot deadlock with them
 * (see 2.1) — and sums a moment in which no transfer is half done.
 *
 * <p>Where the steps cannot be reordered — the second one talks to another system — the pattern is a compensating
 * action in {@code catch} or {@code finally} that undoes the first step, or a transaction that makes both durable
 * together. Copy-and-swap (build the new state aside, publish it in one write, as in 1.4) is the lock-free form.
 *
 * <p>Run it: {@code ./handbook 1.5}. It exits 0: the bank's total never changed.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.5} printed:
 * <pre>
 * 2 tellers made 1,000 transfers of 10 € between 4 accounts of 1,000 € each; the risk check refused 100 of them.
 * Money in the bank: expected 4,000 €, found 4,000 €.
 * An auditor summed the bank in the middle of 100 more transfers: 0 of the sums were off: no thread ever saw a transfer half done.
 * Not a cent created or lost, and never seen missing.
 * </pre>
 */
public final class GoodExample implements Bank {

    private static final class Account {
        private long balance;

        Account(long balance) {
            this.balance = balance;
        }
    }

    private final Account[] accounts;
    private final RiskCheck risk;
    private final MidTransfer midTransfer;

    public GoodExample(int accounts, long openingBalance, RiskCheck risk, MidTransfer midTransfer) {
        this.accounts = new Account[accounts];
        for (int i = 0; i < accounts; i++) {
            this.accounts[i] = new Account(openingBalance);
        }
        this.risk = risk;
        this.midTransfer = midTransfer;
    }

    @Override
    public void transfer(int from, int to, long amount) {
        risk.approve(from, to, amount);
        Account first = accounts[Math.min(from, to)];
        Account second = accounts[Math.max(from, to)];
        synchronized (first) {
            synchronized (second) {
                accounts[from].balance -= amount;
                midTransfer.reached();
                accounts[to].balance += amount;
            }
        }
    }

    @Override
    public long balance(int account) {
        synchronized (accounts[account]) {
            return accounts[account].balance;
        }
    }

    @Override
    public long total() {
        return sumHoldingLocksFrom(0);
    }

    private long sumHoldingLocksFrom(int account) {
        if (account == accounts.length) {
            return 0;
        }
        synchronized (accounts[account]) {
            return accounts[account].balance + sumHoldingLocksFrom(account + 1);
        }
    }

    @Override
    public int accounts() {
        return accounts.length;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
