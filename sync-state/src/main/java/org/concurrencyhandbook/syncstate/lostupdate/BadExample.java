package org.concurrencyhandbook.syncstate.lostupdate;

/**
 * 1.3 Lost update — the broken account.
 *
 * <p>A deposit is three steps: read the balance, record the deposit in the ledger, write back what was read plus
 * the amount. Each step is fine on its own; together they are a read-modify-write that is not atomic. When another
 * teller deposits between our read and our write, our write puts back a balance that predates their deposit, and
 * their money is gone. Nothing fails, nothing is logged: the balance is simply wrong.
 *
 * <p>The ledger call is the window. In production the window is opened by anything that takes time between the
 * read and the write — I/O, a GC pause, the scheduler taking the CPU away — and on two cores it opens by itself
 * thousands of times a second. {@link Scenario} makes it open on every deposit, so the loss is the same on every run.
 *
 * <p>Run it: {@code ./handbook 1.3}. It exits 4 (failure shown) because deposits were lost.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.3} printed:
 * <pre>
 * 4 tellers each deposited 2,500 × 1 € into an empty account; the ledger held each teller until all 4 had reached it.
 * Expected balance: 10,000 €. Actual balance: 2,500 €.
 * LOST UPDATES: 7,500 of 10,000 deposits vanished — tellers wrote back balances they had read before other tellers' deposits.
 * </pre>
 */
public final class BadExample implements Account {

    private final Ledger ledger;
    private long balance;

    public BadExample(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void deposit(long amount) {
        long current = balance;
        ledger.record(amount);
        // Wrong: every deposit made by other tellers since the read above is overwritten here.
        balance = current + amount;
    }

    @Override
    public long balance() {
        return balance;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
