package org.concurrencyhandbook.syncstate.partialupdate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencyhandbook.support.ObserverAtSeam;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario every bank runs, in two parts. Four accounts of 1,000 € each; money only moves between them, so the
 * bank must hold 4,000 € — at the end, and at every moment anyone looks.
 *
 * <ol>
 *   <li><b>Refusals.</b> Two tellers make 500 transfers of 10 € each, at the same time, between changing pairs of
 *       accounts; the risk check refuses exactly every tenth. A refused transfer must change nothing.</li>
 *   <li><b>Audits.</b> One teller makes 100 transfers, none refused; in the middle of each — after the debit, before
 *       the credit — an {@link ObserverAtSeam} has an auditor thread call {@code total()} and waits until the audit is
 *       done or the auditor is blocked on a lock the teller holds. Every audit must count 4,000 €.</li>
 * </ol>
 * Both parts are deterministic: the refusals are counted, the audit moments forced.
 */
final class Scenario {

    static final int ACCOUNTS = 4;
    static final long OPENING_BALANCE = 1_000;
    static final int TELLERS = 2;
    static final int TRANSFERS_PER_TELLER = 500;
    static final int AUDITED_TRANSFERS = 100;
    static final long AMOUNT = 10;
    static final int REFUSE_EVERY = 10;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** What the bank held after the refusals, how many were refused, and what the audits counted. */
    record Outcome(long expectedTotal, long total, int refused, int audits, int auditsOff, long firstAuditOff) {
        long vanished() {
            return expectedTotal - total;
        }

        Verdict verdict() {
            return vanished() != 0 || auditsOff > 0 ? Verdict.FAILURE_SHOWN : Verdict.INVARIANT_HELD;
        }
    }

    @FunctionalInterface
    interface BankOn {
        Bank open(int accounts, long openingBalance, Bank.RiskCheck risk, Bank.MidTransfer midTransfer);
    }

    static Outcome run(BankOn bankOn) throws InterruptedException {
        AtomicInteger checked = new AtomicInteger();
        Bank bank = bankOn.open(ACCOUNTS, OPENING_BALANCE, (from, to, amount) -> {
            if (checked.incrementAndGet() % REFUSE_EVERY == 0) {
                throw new Bank.Refused("transfer " + from + " -> " + to + " looks like fraud");
            }
        }, () -> { });
        AtomicInteger refused = new AtomicInteger();
        Workers tellers = new Workers();
        for (int t = 0; t < TELLERS; t++) {
            int teller = t;
            tellers.add("teller-" + t, () -> {
                for (int i = 0; i < TRANSFERS_PER_TELLER; i++) {
                    int from = (i + teller) % ACCOUNTS;
                    int to = (from + 1 + i % (ACCOUNTS - 1)) % ACCOUNTS;
                    try {
                        bank.transfer(from, to, AMOUNT);
                    } catch (Bank.Refused refusal) {
                        refused.incrementAndGet();
                    }
                }
            });
        }
        tellers.startAll().awaitAll(PATIENCE);
        long total = 0;
        for (int account = 0; account < bank.accounts(); account++) {
            total += bank.balance(account);
        }
        ObserverAtSeam.Looks audits = audit(bankOn);
        return new Outcome(ACCOUNTS * OPENING_BALANCE, total, refused.get(), audits.made(), audits.off(), audits.firstOff());
    }

    /** Part 2: one teller's transfers, each audited in its middle by another thread. */
    private static ObserverAtSeam.Looks audit(BankOn bankOn) throws InterruptedException {
        return ObserverAtSeam.lookAtEverySeam("auditor", AUDITED_TRANSFERS,
                seam -> bankOn.open(ACCOUNTS, OPENING_BALANCE, (from, to, amount) -> { }, seam::run),
                Bank::total, ACCOUNTS * OPENING_BALANCE,
                (bank, i) -> bank.transfer(i % ACCOUNTS, (i + 1) % ACCOUNTS, AMOUNT));
    }

    static Verdict demonstrate(String example, BankOn bankOn) throws InterruptedException {
        Outcome outcome = run(bankOn);
        System.out.printf("1.5 Inconsistent state / partial update — %s%n", example);
        System.out.printf("%d tellers made %,d transfers of %d € between %d accounts of %,d € each; the risk check"
                + " refused %d of them.%n", TELLERS, TELLERS * TRANSFERS_PER_TELLER, AMOUNT, ACCOUNTS, OPENING_BALANCE,
                outcome.refused());
        System.out.printf("Money in the bank: expected %,d €, found %,d €.%n", outcome.expectedTotal(), outcome.total());
        if (outcome.vanished() != 0) {
            System.out.printf("MONEY VANISHED: %,d € — debited from one account and credited to none.%n", outcome.vanished());
        }
        System.out.printf("An auditor summed the bank in the middle of %d more transfers: %d of the sums were off",
                outcome.audits(), outcome.auditsOff());
        System.out.println(outcome.auditsOff() > 0
                ? String.format(" (e.g. %,d €) — another thread saw transfers half done.", outcome.firstAuditOff())
                : ": no thread ever saw a transfer half done.");
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("Not a cent created or lost, and never seen missing.");
        }
        return outcome.verdict();
    }
}
