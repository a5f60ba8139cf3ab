package org.concurrencyhandbook.syncstate.partialupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.syncstate.partialupdate.Scenario.AMOUNT;

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
 * One scenario for every bank: two tellers make 1,000 transfers at once with exactly every tenth refused, then an
 * auditor sums the bank in the middle of 100 more. Money only moves between accounts, so the total must not change —
 * and no other thread may ever see it changed. Judged by {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class PartialUpdateTest {

    static Stream<Fix<Scenario.BankOn>> wrongFixes() {
        return Stream.of(
                Fix.of("risk check first, no lock", OtherBanks.ValidateFirstNoLock::new),
                Fix.of("compensating credit on refusal, steps locked one by one", OtherBanks.CompensateOnRefusal::new));
    }

    static Stream<Fix<Scenario.BankOn>> rightFixes() {
        return Stream.of(
                Fix.of("risk check first, one bank-wide lock", OtherBanks.ValidateFirstOneLock::new),
                Fix.of("compensating credit inside one critical section", OtherBanks.CompensateUnderOneLock::new));
    }

    @Test
    void aTransferThatFailsBetweenDebitAndCreditDestroysTheMoneyAndOthersSeeItHalfDone(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.refused()).isEqualTo(100);
        assertThat(outcome.vanished()).as("money that vanished").isEqualTo(outcome.refused() * AMOUNT);
        assertThat(outcome.auditsOff()).as("audits that saw a transfer half done").isEqualTo(Scenario.AUDITED_TRANSFERS);
        Evidence.badShowed(reporter, "%,d € of %,d € vanished in %d refused transfers; %d of %d audits counted %,d €",
                outcome.vanished(), outcome.expectedTotal(), outcome.refused(), outcome.auditsOff(), outcome.audits(),
                outcome.firstAuditOff());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillShowsTransfersHalfDone(Fix<Scenario.BankOn> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.auditsOff()).isEqualTo(Scenario.AUDITED_TRANSFERS);
        Evidence.wrongFixCaught(reporter, fix, "no money lost, but %d of %d audits counted %,d €",
                outcome.auditsOff(), outcome.audits(), outcome.firstAuditOff());
    }

    @Test
    void validatingFirstAndUpdatingBothAccountsUnderOneLockConservesTheTotal(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.refused()).isEqualTo(100);
        assertThat(outcome.audits()).isEqualTo(Scenario.AUDITED_TRANSFERS);
        Evidence.goodHeld(reporter, "total stayed %,d € through %d refused transfers and %d mid-transfer audits",
                outcome.total(), outcome.refused(), outcome.audits());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixConservesTheTotalAndIsNeverSeenHalfDone(Fix<Scenario.BankOn> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.audits()).isEqualTo(Scenario.AUDITED_TRANSFERS);
        Evidence.rightFixHeld(reporter, fix, "total kept through %d refusals and %d audits", outcome.refused(), outcome.audits());
    }
}
