package org.concurrencyhandbook.contentiondeadlock.resourcepool;

import java.util.Collections;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 2.8 under Fray: the scenario's {@value Scenario#TASKS} tasks and pool of {@value Scenario#CONNECTIONS} connections,
 * each task making one copy, with no latch holding it at its first connection. Fray 0.9.2 cannot run the
 * GoodExample, whose tasks take both permits at once: in a JVM of its own its exploration fails inside Fray's own
 * model of {@code Semaphore} or never ends (both observed) — and a deadlock Fray reported for the BadExample would
 * prove nothing without it. Asserted, so that the day Fray runs it, the pitfall is explored here.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "2.8";

    static final class GoodCopies implements Runnable {
        @Override
        public void run() {
            ConnectionPool pool = new ConnectionPool(Scenario.CONNECTIONS);
            PairBorrower borrower = new GoodExample(() -> { });
            Runnable task = () -> {
                try {
                    borrower.withTwoConnections(pool, (source, target) -> { });
                } catch (InterruptedException e) {
                    throw new IllegalStateException("a task was interrupted", e);
                }
            };
            Actors.runTogether(Collections.nCopies(Scenario.TASKS, task).toArray(Runnable[]::new));
        }
    }

    @Test
    void frayCannotRunTheGoodExamplesSemaphore(TestReporter reporter) throws InterruptedException {
        ExplorationProof.cannotRunAlone(reporter, PITFALL, GoodCopies.class, "Fray 0.9.2's model of Semaphore, with"
                + " four tasks taking two permits each");
    }
}
