package org.concurrencyhandbook.apipitfalls.granularity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.apipitfalls.granularity.Scenario.AUDITED_TRANSFERS;
import static org.concurrencyhandbook.apipitfalls.granularity.Scenario.CLERKS;

import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every bank: four clerks posting interest to four accounts, each waiting inside its section for the
 * others, then 100 transfers each audited in its middle. The one-lock bank lets one clerk in at a time; the too-fine
 * banks let the auditor see money in no account; the right granularity does neither. Judged by
 * {@link Scenario.Outcome#verdict}, as the mains are. Every wait is forced, none timed: one CPU gives the same verdicts.
 */
@Timeout(60)
class LockGranularityTest {

    static Stream<Fix<Bank.Opener>> wrongFixes() {
        return Stream.of(
                Fix.of("a lock per account, taken one at a time", OtherBanks.LockPerAccountOneAtATime::new),
                Fix.of("AtomicLongArray, no lock", OtherBanks.AtomicBalances::new));
    }

    static Stream<Fix<Bank.Opener>> rightFixes() {
        return Stream.of(Fix.of("lock striping, stripes taken in order", OtherBanks.StripedLocks::new));
    }

    @Test
    void theOneLockBankLetsOneClerkInAtATimeThoughTheirAccountsNeverMeet(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.mostClerksInsideAtOnce()).as("clerks inside at once").isEqualTo(1);
        assertThat(outcome.auditsOff()).as("a single lock is slow, not wrong: no audit is off").isZero();
        assertThat(outcome.interestLost()).isFalse();
        Evidence.badShowed(reporter, "at most %d of %d clerks inside at once, on %d independent accounts; %d of %d audits off",
                outcome.mostClerksInsideAtOnce(), CLERKS, CLERKS, outcome.auditsOff(), outcome.audits());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTooFineLockLetsEveryClerkInAndTheAuditorSeeTransfersHalfDone(Fix<Bank.Opener> fix, TestReporter reporter)
            throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.mostClerksInsideAtOnce()).isEqualTo(CLERKS);
        assertThat(outcome.auditsOff()).as("audits that saw a transfer half done").isEqualTo(AUDITED_TRANSFERS);
        assertThat(outcome.interestLost()).as("one account's own updates are safe under these locks").isFalse();
        Evidence.wrongFixCaught(reporter, fix, "all %d clerks inside at once, but %d of %d audits off (e.g. %,d €)",
                CLERKS, outcome.auditsOff(), outcome.audits(), outcome.firstAuditOff());
    }

    @Test
    void aReadLockForInterestLetsTwoClerksIntoOneAccountAndLosesAPosting(TestReporter reporter) throws Exception {
        Fix<Bank.Opener> fix = Fix.of("ReentrantReadWriteLock, interest under the read lock",
                OtherBanks.ReadLockForInterest::new);
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.interestLost()).as("interest posted: %d €", outcome.interestPosted()).isTrue();
        assertThat(outcome.mostClerksInsideAtOnce()).isEqualTo(CLERKS);
        assertThat(outcome.auditsOff()).isZero();
        Evidence.wrongFixCaught(reporter, fix, "all %d clerks in at once and every audit whole, but two postings of %d € to"
                + " one account gained the bank %d €", CLERKS, Scenario.INTEREST, outcome.interestPosted());
    }

    @Test
    void aLockPerAccountTakenInOrderLetsEveryClerkInAndKeepsEveryAuditWhole(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.mostClerksInsideAtOnce()).isEqualTo(CLERKS);
        assertThat(outcome.audits()).isEqualTo(AUDITED_TRANSFERS);
        assertThat(outcome.auditsOff()).isZero();
        assertThat(outcome.interestPosted()).isEqualTo(2 * Scenario.INTEREST);
        Evidence.goodHeld(reporter, "all %d clerks inside at once; %d of %d mid-transfer audits whole", CLERKS,
                outcome.audits() - outcome.auditsOff(), outcome.audits());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixLetsEveryClerkInAndKeepsEveryAuditWhole(Fix<Bank.Opener> fix, TestReporter reporter)
            throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "all %d clerks inside at once; every audit whole", CLERKS);
    }
}
