package org.concurrencyhandbook.syncstate.lostupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.syncstate.lostupdate.Scenario.DEPOSITS_PER_TELLER;
import static org.concurrencyhandbook.syncstate.lostupdate.Scenario.TELLERS;

import java.util.function.Function;
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
 * One scenario for every account: four tellers, 10,000 deposits, and a ledger that lets each deposit proceed only when
 * every teller has reached it — so every teller reads the balance before any of them writes it back. The bad account
 * and the tempting wrong fixes lose exactly 7,500; the good one and the other fixes none. Judged by
 * {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class LostUpdateTest {

    @Test
    void theReadModifyWriteAccountLosesEveryDepositThatLandsBetweenItsReadAndItsWrite(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        // Each round, four tellers read the same balance and write back that balance + 1: three deposits vanish.
        assertThat(outcome.lostDeposits()).as("deposits lost, balance %d of %d", outcome.balance(), outcome.expectedBalance())
                .isEqualTo((long) (TELLERS - 1) * DEPOSITS_PER_TELLER);
        Evidence.badShowed(reporter, "%,d of %,d deposits lost (balance %,d € instead of %,d €)",
                outcome.lostDeposits(), outcome.deposits(), outcome.balance(), outcome.expectedBalance());
    }

    static Stream<Fix<Function<Ledger, Account>>> wrongFixes() {
        return Stream.of(
                Fix.of("volatile balance", OtherAccounts.VolatileBalance::new),
                Fix.of("AtomicLong get, then set", OtherAccounts.AtomicGetThenSet::new),
                Fix.of("synchronized getter and setter, @GuardedBy", OtherAccounts.SynchronizedGetterAndSetter::new));
    }

    static Stream<Fix<Function<Ledger, Account>>> rightFixes() {
        return Stream.of(
                Fix.of("synchronized read and write, ledger outside", OtherAccounts.SynchronizedUpdate::new),
                Fix.of("LongAdder", OtherAccounts.Adder::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillLosesTheDepositsThatLandBetweenItsReadAndItsWrite(Fix<Function<Ledger, Account>> fix,
            TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.lostDeposits()).isEqualTo((long) (TELLERS - 1) * DEPOSITS_PER_TELLER);
        Evidence.wrongFixCaught(reporter, fix, "%,d of %,d deposits lost", outcome.lostDeposits(), outcome.deposits());
    }

    @Test
    void theAtomicAccountKeepsEveryDepositUnderTheSameInterleaving(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.balance()).isEqualTo(outcome.expectedBalance());
        Evidence.goodHeld(reporter, "all %,d deposits kept (balance %,d €)", outcome.deposits(), outcome.balance());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixKeepsEveryDeposit(Fix<Function<Ledger, Account>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "all %,d deposits kept", outcome.deposits());
    }
}
