package org.concurrencyhandbook.syncstate.visibility;

import java.util.function.Supplier;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 1.7 under Fray: a worker spins until stopped while another thread stops it. The BadExample's loop reads a plain
 * field, which is no switch point: once the worker runs, Fray never takes the turn from it, the stopper never runs,
 * and the exploration never ends — so each is explored in a JVM of its own, and the test asserts that the bad one
 * hangs where the good one, whose {@code volatile} read is a switch point, ends. Fray cannot show the pitfall itself
 * either way: with no weak memory model, every write it lets run is seen at once (jcstress's work, 1.7–1.9).
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "1.7";

    private static void spinUntilStopped(Supplier<Spinner> spinners) {
        Spinner spinner = spinners.get();
        Actors.runTogether(spinner::spinUntilStopped, spinner::stop);
    }

    static final class BadSpinnerStopped implements Runnable {
        @Override
        public void run() {
            spinUntilStopped(BadExample::new);
        }
    }

    static final class GoodSpinnerStopped implements Runnable {
        @Override
        public void run() {
            spinUntilStopped(GoodExample::new);
        }
    }

    @Test
    void frayCannotRunTheSpinOnAPlainField(TestReporter reporter) throws InterruptedException {
        ExplorationProof.hangs(reporter, PITFALL, BadSpinnerStopped.class, GoodSpinnerStopped.class, "the spinner"
                + " reads a plain field, no switch point: Fray never takes the turn from it, so the stopper never runs");
    }
}
