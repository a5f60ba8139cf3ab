package org.concurrencyhandbook.syncstate.lostupdate;

import java.time.Duration;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario both examples run: four tellers each deposit 2,500 × 1 € into one account that starts empty, so
 * the balance must end at 10,000 €.
 *
 * <p>The ledger we hand the account is slow in one precise way: it holds every teller until all four have reached
 * it with their current deposit. An account that reads its balance before calling the ledger therefore has all four
 * tellers read the same balance every time — the interleaving that loses updates, made certain instead of likely.
 * An account that updates atomically is not affected by when the ledger lets its tellers go.
 */
public final class Scenario {

    static final int TELLERS = 4;
    static final int DEPOSITS_PER_TELLER = 2_500;
    static final long AMOUNT = 1;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** What the run left behind. */
    public record Outcome(long expectedBalance, long balance) {

        public long deposits() {
            return expectedBalance / AMOUNT;
        }

        public long lostDeposits() {
            return (expectedBalance - balance) / AMOUNT;
        }

        public Verdict verdict() {
            return balance != expectedBalance ? Verdict.FAILURE_SHOWN : Verdict.INVARIANT_HELD;
        }
    }

    /** Runs the four tellers against the account {@code bank} opens on the ledger it is given. */
    public static Outcome run(Function<Ledger, Account> bank) throws InterruptedException {
        Phaser everyTellerAtTheLedger = new Phaser(TELLERS);
        Account account = bank.apply(amount -> awaitOtherTellers(everyTellerAtTheLedger));
        Workers tellers = new Workers();
        for (int t = 1; t <= TELLERS; t++) {
            tellers.add("teller-" + t, () -> {
                try {
                    for (int d = 0; d < DEPOSITS_PER_TELLER; d++) {
                        account.deposit(AMOUNT);
                    }
                } finally {
                    everyTellerAtTheLedger.arriveAndDeregister();
                }
            });
        }
        tellers.startAll().awaitAll(PATIENCE.multipliedBy(2));
        return new Outcome(TELLERS * DEPOSITS_PER_TELLER * AMOUNT, account.balance());
    }

    private static void awaitOtherTellers(Phaser phaser) {
        try {
            phaser.awaitAdvanceInterruptibly(phaser.arrive(), PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("the other tellers never reached the ledger", e);
        }
    }

    /** Runs the scenario, says what happened, and returns the exit status: 1 if deposits were lost, 0 if not. */
    static Verdict demonstrate(String example, Function<Ledger, Account> bank) throws InterruptedException {
        Outcome outcome = run(bank);
        System.out.printf("1.3 Lost update — %s%n", example);
        System.out.printf("%d tellers each deposited %,d × %d € into an empty account; the ledger held each teller"
                + " until all %d had reached it.%n", TELLERS, DEPOSITS_PER_TELLER, AMOUNT, TELLERS);
        System.out.printf("Expected balance: %,d €. Actual balance: %,d €.%n", outcome.expectedBalance(), outcome.balance());
        if (outcome.verdict() == Verdict.FAILURE_SHOWN) {
            System.out.printf("LOST UPDATES: %,d of %,d deposits vanished — tellers wrote back balances they had read"
                    + " before other tellers' deposits.%n", outcome.lostDeposits(), outcome.deposits());
        } else {
            System.out.printf("Every one of the %,d deposits arrived.%n", outcome.deposits());
        }
        return outcome.verdict();
    }
}
