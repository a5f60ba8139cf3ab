package org.concurrencyhandbook.apipitfalls.granularity;

import java.util.Arrays;

/**
 * 3.1 Improper locking granularity — the bank with one lock.
 *
 * <p>Every method is {@code synchronized}: one monitor, the bank's, guards every account. It is correct — no update is
 * lost, no auditor sees a transfer half done — and it is the first design most of us write. Its cost is that work on
 * account 3 waits for work on account 1, although the two never touch the same data: a slow interest calculation on
 * one account stops every clerk in the bank. Four clerks, four independent accounts, and never more than one of them
 * working.
 *
 * <p>Run it: {@code ./handbook 3.1}. It exits 4 (failure shown) because the clerks were serialized.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.1} printed:
 * <pre>
 * Two clerks posted 10 € of interest each to the same account at once: the bank gained 20 €.
 * 4 clerks posted interest at the same time, each to an account of its own; the slow interest rule waited inside each account's lock for the other clerks to come in.
 * At most 1 of the 4 clerks were inside at once — the others waited for a lock on accounts they never touched.
 * An auditor summed the bank in the middle of 100 transfers: every sum was 4,000 €.
 * SERIALIZED: one lock for the whole bank made 4 independent clerks work one after another.
 * </pre>
 */
public final class BadExample implements Bank {

    private final long[] balances;
    private final InterestRule interest;
    private final MidTransfer midTransfer;

    public BadExample(int accounts, long openingBalance, InterestRule interest, MidTransfer midTransfer) {
        this.balances = new long[accounts];
        Arrays.fill(balances, openingBalance);
        this.interest = interest;
        this.midTransfer = midTransfer;
    }

    // Wrong: the bank's one lock is held through a slow step that concerns one account only.
    @Override
    public synchronized void postInterest(int account) {
        balances[account] += interest.interestOn(account, balances[account]);
    }

    @Override
    public synchronized void transfer(int from, int to, long amount) {
        balances[from] -= amount;
        midTransfer.reached();
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

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
