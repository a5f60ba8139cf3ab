package org.concurrencyhandbook.syncstate.falsesharing;

import java.util.function.Supplier;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 1.12 under Fray: two workers each count their own hits, in slots side by side. False sharing costs time — the cache
 * line passed between cores on every write — and changes no value: every schedule counts every hit, so there is
 * nothing for a scheduler to find. Asserted, so that the matrix's word on it is a measurement.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "1.12";
    private static final int HITS_EACH = 20;

    private static Runnable twoWorkersHittingTheirOwnSlots(Supplier<HitSlots> slotsFor) {
        return () -> {
            HitSlots slots = slotsFor.get();
            Runnable[] workers = new Runnable[2];
            for (int worker = 0; worker < workers.length; worker++) {
                int mine = worker;
                workers[worker] = () -> {
                    for (int hit = 0; hit < HITS_EACH; hit++) {
                        slots.hit(mine);
                    }
                };
            }
            Actors.runTogether(workers);
            for (int worker = 0; worker < workers.length; worker++) {
                if (slots.hits(worker) != HITS_EACH) {
                    throw new AssertionError("worker " + worker + " counted " + slots.hits(worker) + " of " + HITS_EACH);
                }
            }
        };
    }

    @Test
    void frayHasNothingToFind(TestReporter reporter) {
        ExplorationProof.badUnseen(reporter, PITFALL, twoWorkersHittingTheirOwnSlots(BadExample::new), "a cost in"
                + " cache-line traffic, not a wrong value — every schedule counts every hit");
    }
}
