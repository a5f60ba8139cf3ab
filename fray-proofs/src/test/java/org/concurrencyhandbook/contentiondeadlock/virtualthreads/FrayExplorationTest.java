package org.concurrencyhandbook.contentiondeadlock.virtualthreads;

import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 2.10 under Fray: two opposite transfers, each on a virtual thread. Fray 0.9.2 does not schedule virtual threads:
 * the good bank, which takes its locks in one order and cannot deadlock, is reported deadlocked within a few
 * schedules — its main thread joining virtual threads that never ran. Asserted, so that the matrix says "cannot run"
 * only while it is true.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "2.10";

    @Test
    void frayCannotRunVirtualThreads(TestReporter reporter) {
        ExplorationProof.cannotRun(reporter, PITFALL, () -> {
            Bank bank = new GoodExample(() -> { });
            Account first = new Account(1, 100);
            Account second = new Account(2, 100);
            Actors.runTogetherOnVirtualThreads(() -> bank.transfer(first, second, 10), () -> bank.transfer(second, first, 10));
        }, "Fray 0.9.2 does not schedule virtual threads");
    }
}
