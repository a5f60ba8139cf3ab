package org.concurrencyhandbook.apipitfalls.granularity;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 3.1 under Fray, with no hint: a bank of two accounts; at once, a clerk transfers between them, two clerks post interest
 * to one account (the interest rule logs each posting, as a bank's would), and an auditor totals the bank. Every audit
 * must count whole transfers, and every posting must count. The one-lock bank is correct and slow: Fray finds nothing
 * in it, as it finds nothing in any schedule of a correct program — what it finds are the finer locks that break the
 * invariant.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "3.1";
    private static final int ACCOUNTS = 2;
    private static final long OPENING = 100;
    private static final long AMOUNT = 30;

    static Stream<Fix<Bank.Opener>> wrongFixes() {
        return Stream.concat(LockGranularityTest.wrongFixes(), Stream.of(Fix.of("ReentrantReadWriteLock, interest under the"
                + " read lock", OtherBanks.ReadLockForInterest::new)));
    }

    static Stream<Fix<Bank.Opener>> rightFixes() {
        return LockGranularityTest.rightFixes();
    }

    private static Runnable transferPostAndAudit(Bank.Opener opener) {
        return () -> {
            // Read by nobody: the log is there as a bank's would be, and its add() is a point where Fray may switch threads
            // between a posting's read of the balance and its write.
            Queue<Integer> interestLog = new ConcurrentLinkedQueue<>();
            Bank bank = opener.open(ACCOUNTS, OPENING, (account, balance) -> {
                interestLog.add(account);
                return Scenario.INTEREST;
            }, () -> { });
            long whole = ACCOUNTS * OPENING;
            Set<Long> wholeTotals = Set.of(whole, whole + Scenario.INTEREST, whole + 2 * Scenario.INTEREST);
            long[] audited = new long[1];
            Actors.runTogether(() -> bank.transfer(0, 1, AMOUNT), () -> bank.postInterest(1), () -> bank.postInterest(1),
                    () -> audited[0] = bank.total());
            if (!wholeTotals.contains(audited[0])) {
                throw new AssertionError("the auditor counted " + audited[0] + ": a transfer half done");
            }
            if (bank.total() != whole + 2 * Scenario.INTEREST) {
                throw new AssertionError("the bank holds " + bank.total() + " after two postings of " + Scenario.INTEREST
                        + " to " + whole);
            }
        };
    }

    @Test
    void frayHasNothingToFindInTheOneLockBank(TestReporter reporter) {
        ExplorationProof.badUnseen(reporter, PITFALL, transferPostAndAudit(BadExample::new), "one lock for the whole"
                + " bank is slow, not wrong — every schedule keeps the books; it finds the finer wrong fixes instead");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Bank.Opener> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, transferPostAndAudit(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, transferPostAndAudit(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Bank.Opener> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, transferPostAndAudit(fix.make()));
    }
}
