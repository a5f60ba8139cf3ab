package org.concurrencyhandbook.syncstate.partialupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.syncstate.partialupdate.Transfers.AMOUNT;

import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two banks: two tellers make 1,000 transfers at once, and the risk check refuses exactly every tenth.
 * Money only moves between accounts, so the total must not change.
 */
@Timeout(60)
class PartialUpdateTest {

    @Test
    void aTransferThatFailsBetweenDebitAndCreditDestroysTheMoney(TestReporter reporter) throws Exception {
        Transfers.Outcome outcome = Transfers.run(BadExample::new);

        assertThat(outcome.refused()).isEqualTo(100);
        assertThat(outcome.vanished()).as("money that vanished").isEqualTo(outcome.refused() * AMOUNT);
        Evidence.badShowed(reporter, "%,d € of %,d € vanished in %d refused transfers",
                outcome.vanished(), outcome.expectedTotal(), outcome.refused());
    }

    @Test
    void validatingFirstAndUpdatingBothAccountsUnderOneLockConservesTheTotal(TestReporter reporter) throws Exception {
        Transfers.Outcome outcome = Transfers.run(GoodExample::new);

        assertThat(outcome.refused()).isEqualTo(100);
        assertThat(outcome.total()).isEqualTo(outcome.expectedTotal());
        Evidence.goodHeld(reporter, "total stayed %,d € through %d refused transfers", outcome.total(), outcome.refused());
    }
}
