package org.concurrencyhandbook.contentiondeadlock.classinit;

import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 2.6 under Fray: two threads, each the first to use one of the two classes, in a JVM of its own, since a class is
 * initialized once per JVM. In both examples the two initializers start together (the scenario's barrier is in them),
 * so one thread waits, however briefly in the GoodExample, for the other's class initialization — a wait inside the
 * JVM, on no lock Fray models: Fray keeps handing the turn to the waiting thread, and even the GoodExample's
 * exploration never ends. Asserted, so that the day Fray can run it, the pitfall is explored here.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "2.6";

    static final class GoodFirstUses implements Runnable {
        @Override
        public void run() {
            Actors.runTogether(GoodExample.Currencies::quoted, () -> GoodExample.ExchangeRates.QUOTES.size());
        }
    }

    @Test
    void frayCannotRunAWaitForClassInitialization(TestReporter reporter) throws InterruptedException {
        ExplorationProof.cannotRunAlone(reporter, PITFALL, GoodFirstUses.class, "a thread waiting for another's class"
                + " initialization waits inside the JVM, on no lock Fray models, and Fray keeps handing it the turn");
    }
}
