package org.concurrencyhandbook.syncstate.checkthenact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.syncstate.checkthenact.Callers.CALLERS;

import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two registries: four callers ask for the same host's client, three of them while the first client is
 * still being opened — the opener finishes only when every other caller has reached it or is blocked on a lock.
 */
@Timeout(60)
class CheckThenActTest {

    @Test
    void checkingThenActingOpensAClientForEveryCallerThatCheckedBeforeTheFirstWasStored(TestReporter reporter) throws Exception {
        Callers.Outcome outcome = Callers.run(BadExample::new);

        assertThat(outcome.opened()).as("clients opened for one host").isEqualTo(CALLERS);
        Evidence.badShowed(reporter, "%d clients opened for one host by %d callers (%d leaked)",
                outcome.opened(), CALLERS, outcome.leaked());
    }

    @Test
    void computeIfAbsentOpensExactlyOneClientAndHandsEveryCallerTheSameOne(TestReporter reporter) throws Exception {
        Callers.Outcome outcome = Callers.run(GoodExample::new);

        assertThat(outcome.opened()).as("clients opened for one host").isEqualTo(1);
        assertThat(outcome.distinctClientsHandedOut()).as("different clients handed out").isEqualTo(1);
        Evidence.goodHeld(reporter, "1 client opened, the same one handed to all %d callers", CALLERS);
    }
}
