package org.concurrencyhandbook.syncstate.storebuffering;

import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 1.8 under Fray: each thread raises its flag and looks at the other's; both seeing 0 needs a store buffer. Fray runs
 * one thread at a time over one memory — every schedule is sequentially consistent — so it never sees (0, 0).
 * jcstress does (StoreBufferingTest).
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "1.8";

    @Test
    void frayCannotSeeAReordering(TestReporter reporter) {
        ExplorationProof.badUnseen(reporter, PITFALL, () -> {
            EntryFlags flags = new BadExample();
            int[] seen = new int[2];
            Actors.runTogether(() -> seen[0] = flags.firstRaisesThenLooks(), () -> seen[1] = flags.secondRaisesThenLooks());
            if (seen[0] == 0 && seen[1] == 0) {
                throw new AssertionError("both entered: each saw the other's flag down");
            }
        }, "no weak memory model: every schedule it runs is sequentially consistent, and (0, 0) needs a store buffer");
    }
}
