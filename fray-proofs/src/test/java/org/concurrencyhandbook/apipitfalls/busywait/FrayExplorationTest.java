package org.concurrencyhandbook.apipitfalls.busywait;

import java.util.function.Supplier;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 3.5 under Fray: a waiter waits for one signal while another thread sends it. A busy wait is correct and wasteful:
 * the waiter gets the signal in every schedule, and what it costs — a CPU for the whole wait — is no event a scheduler
 * can order. Asserted, so that the matrix's word on it is a measurement.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "3.5";

    private static Runnable oneSignal(Supplier<Handoff> handoffs) {
        return () -> {
            Handoff handoff = handoffs.get();
            Actors.runTogether(() -> {
                try {
                    handoff.awaitSignal();
                } catch (InterruptedException e) {
                    throw new AssertionError("the waiter was interrupted", e);
                }
            }, handoff::signal);
        };
    }

    @Test
    void frayHasNothingToFind(TestReporter reporter) {
        ExplorationProof.badUnseen(reporter, PITFALL, oneSignal(BadExample::new), "the spinning waiter gets its"
                + " signal in every schedule; the CPU it burns is no event a scheduler orders");
    }
}
