package org.concurrencyhandbook.syncstate.lostupdate;

import java.util.concurrent.atomic.AtomicLong;

/**
 * 1.3 Lost update — the fixed account.
 *
 * <p>The balance is an {@link AtomicLong}, and a deposit is one {@code addAndGet}: the read, the addition and the
 * write happen as a single indivisible step (on x86-64, one {@code lock xadd} instruction), so no other deposit can
 * land in between. The ledger is told afterwards, outside the update: a slow ledger now delays the teller, never
 * the balance.
 *
 * <p>The same fix, other ways: {@code synchronized} around the read and the write (simple, and the only choice when
 * the update spans several fields); {@code LongAdder} when many threads add and the total is read rarely (no
 * contention on one memory location, but no atomic read of a consistent total either). {@code DepositBenchmark}
 * measures the three; GUIDE.md §1.3 quotes it.
 *
 * <p>Run it: {@code ./handbook 1.3}. It exits 0 because every deposit arrived.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.3} printed:
 * <pre>
 * 4 tellers each deposited 2,500 × 1 € into an empty account; the ledger held each teller until all 4 had reached it.
 * Expected balance: 10,000 €. Actual balance: 10,000 €.
 * Every one of the 10,000 deposits arrived.
 * </pre>
 */
public final class GoodExample implements Account {

    private final Ledger ledger;
    private final AtomicLong balance = new AtomicLong();

    public GoodExample(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void deposit(long amount) {
        balance.addAndGet(amount);
        ledger.record(amount);
    }

    @Override
    public long balance() {
        return balance.get();
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
