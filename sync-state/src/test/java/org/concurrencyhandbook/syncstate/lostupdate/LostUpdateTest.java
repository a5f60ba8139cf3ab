package org.concurrencyhandbook.syncstate.lostupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.syncstate.lostupdate.Tellers.DEPOSITS_PER_TELLER;
import static org.concurrencyhandbook.syncstate.lostupdate.Tellers.TELLERS;

import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two accounts: four tellers, 10,000 deposits, and a ledger that lets each deposit proceed only when
 * every teller has reached it — so every teller reads the balance before any of them writes it back.
 */
@Timeout(60)
class LostUpdateTest {

    @Test
    void theReadModifyWriteAccountLosesEveryDepositThatLandsBetweenItsReadAndItsWrite(TestReporter reporter) throws Exception {
        Tellers.Outcome outcome = Tellers.run(BadExample::new);

        // Each round, four tellers read the same balance and write back that balance + 1: three deposits vanish.
        assertThat(outcome.lostDeposits()).as("deposits lost, balance %d of %d", outcome.balance(), outcome.expectedBalance())
                .isEqualTo((long) (TELLERS - 1) * DEPOSITS_PER_TELLER);
        Evidence.badShowed(reporter, "%,d of %,d deposits lost (balance %,d € instead of %,d €)",
                outcome.lostDeposits(), outcome.deposits(), outcome.balance(), outcome.expectedBalance());
    }

    @Test
    void theAtomicAccountKeepsEveryDepositUnderTheSameInterleaving(TestReporter reporter) throws Exception {
        Tellers.Outcome outcome = Tellers.run(GoodExample::new);

        assertThat(outcome.balance()).isEqualTo(outcome.expectedBalance());
        Evidence.goodHeld(reporter, "all %,d deposits kept (balance %,d €)", outcome.deposits(), outcome.balance());
    }
}
