package org.concurrencyhandbook.syncstate.partialupdate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scenario both examples run: four accounts of 1,000 € each; two tellers make 500 transfers of 10 € each, at
 * the same time, between changing pairs of accounts; the risk check refuses every tenth transfer it sees. Money only
 * moves between accounts, so the bank must hold 4,000 € at the end, whatever was refused.
 *
 * <p>The failures are injected deterministically — exactly 100 refusals — so the damage is the same on every run.
 */
final class Transfers {

    static final int ACCOUNTS = 4;
    static final long OPENING_BALANCE = 1_000;
    static final int TELLERS = 2;
    static final int TRANSFERS_PER_TELLER = 500;
    static final long AMOUNT = 10;
    static final int REFUSE_EVERY = 10;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Transfers() {
    }

    /** What the bank held at the end, and how many transfers were refused. */
    record Outcome(long expectedTotal, long total, int refused) {
        long vanished() {
            return expectedTotal - total;
        }
    }

    @FunctionalInterface
    interface BankOn {
        Bank open(int accounts, long openingBalance, Bank.RiskCheck risk);
    }

    static Outcome run(BankOn bankOn) throws InterruptedException {
        AtomicInteger checked = new AtomicInteger();
        Bank bank = bankOn.open(ACCOUNTS, OPENING_BALANCE, (from, to, amount) -> {
            if (checked.incrementAndGet() % REFUSE_EVERY == 0) {
                throw new Bank.Refused("transfer " + from + " -> " + to + " looks like fraud");
            }
        });
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> tellers = new ArrayList<>();
        for (int t = 0; t < TELLERS; t++) {
            int teller = t;
            tellers.add(Thread.ofPlatform().daemon().name("teller-" + t).start(() -> {
                try {
                    for (int i = 0; i < TRANSFERS_PER_TELLER; i++) {
                        int from = (i + teller) % ACCOUNTS;
                        int to = (from + 1 + i % (ACCOUNTS - 1)) % ACCOUNTS;
                        try {
                            bank.transfer(from, to, AMOUNT);
                        } catch (Bank.Refused refusal) {
                            refused.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread teller : tellers) {
            if (!teller.join(PATIENCE)) {
                throw new IllegalStateException(teller.getName() + " did not finish");
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a teller failed", failure.get());
        }
        long total = 0;
        for (int account = 0; account < bank.accounts(); account++) {
            total += bank.balance(account);
        }
        return new Outcome(ACCOUNTS * OPENING_BALANCE, total, refused.get());
    }

    static int demonstrate(String example, BankOn bankOn) throws InterruptedException {
        Outcome outcome = run(bankOn);
        System.out.printf("1.5 Inconsistent state / partial update — %s%n", example);
        System.out.printf("%d tellers made %,d transfers of %d € between %d accounts of %,d € each; the risk check"
                + " refused %d of them.%n", TELLERS, TELLERS * TRANSFERS_PER_TELLER, AMOUNT, ACCOUNTS, OPENING_BALANCE,
                outcome.refused());
        System.out.printf("Money in the bank: expected %,d €, found %,d €.%n", outcome.expectedTotal(), outcome.total());
        if (outcome.vanished() != 0) {
            System.out.printf("MONEY VANISHED: %,d € — each refused transfer had already debited its source and never"
                    + " credited its target.%n", outcome.vanished());
            return 1;
        }
        System.out.println("Not a cent created or lost: every refused transfer left all balances as they were.");
        return 0;
    }
}
