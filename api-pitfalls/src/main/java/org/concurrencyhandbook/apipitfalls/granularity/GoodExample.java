package org.concurrencyhandbook.apipitfalls.granularity;

/**
 * 3.1 Improper locking granularity — a lock per account, taken in one order.
 *
 * <p>Each account's monitor guards its balance, so clerks working on different accounts never wait for each other.
 * An operation that spans two accounts holds both locks for its whole length — the invariant (money is only moved,
 * never created or lost) spans both, so the lock must too — and takes them lowest account first, so that two
 * opposite transfers cannot deadlock (2.1). {@code total()} takes every account's lock in the same order and sums
 * under all of them: one moment's view, never a transfer half done.
 *
 * <p>The same fix, another way: lock striping — a fixed array of locks, an account mapped to one of them — when
 * accounts are too many to give each its own lock object; {@code LockGranularityTest} runs it beside this one.
 *
 * <p>Run it: {@code ./handbook 3.1}. It exits 0 because all clerks worked at once and every audit balanced.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.1} printed:
 * <pre>
 * Two clerks posted 10 € of interest each to the same account at once: the bank gained 20 €.
 * 4 clerks posted interest at the same time, each to an account of its own; the slow interest rule waited inside each account's lock for the other clerks to come in.
 * At most 4 of the 4 clerks were inside at once: no clerk waited for another's account.
 * An auditor summed the bank in the middle of 100 transfers: every sum was 4,000 €.
 * Independent work ran in parallel, and the money was never seen missing.
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
    private final InterestRule interest;
    private final MidTransfer midTransfer;

    public GoodExample(int accounts, long openingBalance, InterestRule interest, MidTransfer midTransfer) {
        this.accounts = new Account[accounts];
        for (int i = 0; i < accounts; i++) {
            this.accounts[i] = new Account(openingBalance);
        }
        this.interest = interest;
        this.midTransfer = midTransfer;
    }

    @Override
    public void postInterest(int account) {
        Account it = accounts[account];
        synchronized (it) {
            it.balance += interest.interestOn(account, it.balance);
        }
    }

    @Override
    public void transfer(int from, int to, long amount) {
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

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
