package org.concurrencyhandbook.apipitfalls.granularity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.ObserverAtSeam;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario every bank runs, in three parts, all deterministic. Four accounts of 1,000 € each.
 *
 * <ol>
 *   <li><b>One account, two clerks.</b> Two clerks post interest to the same account at once; the interest rule,
 *       inside the critical section, waits until the other clerk is inside too or is blocked. A bank that lets both in
 *       loses one posting: the account must end at 1,020 €.</li>
 *   <li><b>Independent work.</b> Four clerks post interest at the same time, each to an account of its own. The
 *       interest rule, called inside the account's critical section, counts who is inside and waits there until every
 *       other clerk is inside too, or is blocked on a lock (then it cannot come in before someone leaves, and waiting
 *       longer proves nothing). A bank whose clerks never share data should have all four inside at once.</li>
 *   <li><b>Audits.</b> One teller makes 100 transfers of 10 €; in the middle of each — after the debit, before the
 *       credit — an {@link ObserverAtSeam} has an auditor thread call {@code total()} and waits until the audit is
 *       done or the auditor is blocked on a lock the teller holds. Every audit must count 4,000 €.</li>
 * </ol>
 * A bank that serializes the clerks fails the first part; a bank whose locks are too fine for the transfer's
 * invariant fails the second. The right granularity passes both.
 */
final class Scenario {

    static final int ACCOUNTS = 4;
    static final int CLERKS = ACCOUNTS;
    static final long OPENING_BALANCE = 1_000;
    static final long INTEREST = 10;
    static final int AUDITED_TRANSFERS = 100;
    static final long AMOUNT = 10;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** How many clerks were inside at once, at most, and what the audits counted. */
    record Outcome(long interestPosted, int mostClerksInsideAtOnce, int audits, int auditsOff, long firstAuditOff) {
        boolean serialized() {
            return mostClerksInsideAtOnce < CLERKS;
        }

        boolean interestLost() {
            return interestPosted != 2 * INTEREST;
        }

        Verdict verdict() {
            return interestLost() || serialized() || auditsOff > 0 ? Verdict.FAILURE_SHOWN : Verdict.INVARIANT_HELD;
        }
    }

    static Outcome run(Bank.Opener opener) throws InterruptedException {
        long interestPosted = twoClerksOnOneAccount(opener);
        int mostInside = clerksAtOnce(opener);
        ObserverAtSeam.Looks audits = ObserverAtSeam.lookAtEverySeam("auditor", AUDITED_TRANSFERS,
                seam -> opener.open(ACCOUNTS, OPENING_BALANCE, (account, balance) -> INTEREST, seam::run),
                Bank::total, ACCOUNTS * OPENING_BALANCE,
                (bank, i) -> bank.transfer(i % ACCOUNTS, (i + 1) % ACCOUNTS, AMOUNT));
        return new Outcome(interestPosted, mostInside, audits.made(), audits.off(), audits.firstOff());
    }

    /** Part 1: two clerks post interest to account 0 at once; returns the interest the bank gained. */
    private static long twoClerksOnOneAccount(Bank.Opener opener) throws InterruptedException {
        Set<Thread> cameIn = ConcurrentHashMap.newKeySet();
        List<Thread> clerks = new ArrayList<>();
        Bank bank = opener.open(ACCOUNTS, OPENING_BALANCE, (account, balance) -> {
            cameIn.add(Thread.currentThread());
            Await.arrivedOrBlocked(clerks.stream().filter(clerk -> clerk != Thread.currentThread()).toList(),
                    cameIn::contains, PATIENCE);
            return INTEREST;
        }, () -> { });
        Workers workers = new Workers();
        for (int c = 0; c < 2; c++) {
            clerks.add(workers.add("clerk-" + c + " on account 0", () -> bank.postInterest(0)));
        }
        workers.startAll().awaitAll(PATIENCE.multipliedBy(2));
        return bank.total() - ACCOUNTS * OPENING_BALANCE;
    }

    /**
     * Part 2: four clerks, four accounts; returns the most that were inside their accounts' sections at once. A clerk
     * inside waits for the others to come in or to be stuck on a lock — whoever holds it.
     */
    private static int clerksAtOnce(Bank.Opener opener) throws InterruptedException {
        Set<Thread> cameIn = ConcurrentHashMap.newKeySet();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> clerks = new ArrayList<>();
        Bank bank = opener.open(ACCOUNTS, OPENING_BALANCE, (account, balance) -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            cameIn.add(Thread.currentThread());
            List<Thread> others = clerks.stream().filter(clerk -> clerk != Thread.currentThread()).toList();
            Await.arrivedOrBlocked(others, cameIn::contains, PATIENCE);
            inside.decrementAndGet();
            return INTEREST;
        }, () -> { });
        Workers workers = new Workers();
        for (int c = 0; c < CLERKS; c++) {
            int account = c;
            clerks.add(workers.add("clerk-" + c, () -> bank.postInterest(account)));
        }
        workers.startAll().awaitAll(PATIENCE.multipliedBy(2));
        return most.get();
    }

    static Verdict demonstrate(String example, Bank.Opener opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("3.1 Improper locking granularity — %s%n", example);
        System.out.printf("Two clerks posted %d € of interest each to the same account at once: the bank gained %d €.%n",
                INTEREST, outcome.interestPosted());
        System.out.printf("%d clerks posted interest at the same time, each to an account of its own; the slow interest"
                + " rule waited inside each account's lock for the other clerks to come in.%n", CLERKS);
        System.out.printf("At most %d of the %d clerks were inside at once", outcome.mostClerksInsideAtOnce(), CLERKS);
        System.out.println(outcome.serialized()
                ? " — the others waited for a lock on accounts they never touched."
                : ": no clerk waited for another's account.");
        System.out.printf("An auditor summed the bank in the middle of %d transfers: ", outcome.audits());
        System.out.println(outcome.auditsOff() > 0
                ? String.format("%d of the sums were off (e.g. %,d € instead of %,d €) — it saw transfers half done.",
                        outcome.auditsOff(), outcome.firstAuditOff(), ACCOUNTS * OPENING_BALANCE)
                : String.format("every sum was %,d €.", ACCOUNTS * OPENING_BALANCE));
        if (outcome.serialized()) {
            System.out.println(outcome.mostClerksInsideAtOnce() == 1
                    ? String.format("SERIALIZED: one lock for the whole bank made %d independent clerks work one after"
                            + " another.", CLERKS)
                    : String.format("SERIALIZED: only %d of %d independent clerks could work at once.",
                            outcome.mostClerksInsideAtOnce(), CLERKS));
        }
        if (outcome.interestLost()) {
            System.out.println("LOST UPDATE: both clerks read the same balance — the lock let two writers into one account.");
        }
        if (outcome.auditsOff() > 0) {
            System.out.println("INVARIANT BROKEN: the locks were finer than the invariant they had to protect.");
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("Independent work ran in parallel, and the money was never seen missing.");
        }
        return outcome.verdict();
    }
}
