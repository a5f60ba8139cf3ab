package org.concurrencyhandbook.syncstate.visibility;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * The examples' own spinners under jcstress's termination mode: the actor spins, the signal calls {@code stop()}, and
 * jcstress records whether the actor ended (TERMINATED) or was still spinning when it gave up (STALE, after at least
 * 30 s — then it ends the fork). Run by {@link VisibilityTest}.
 */
public class VisibilityStress {

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE,             desc = "The worker saw stop() and ended.")
    @Outcome(id = "STALE",      expect = ACCEPTABLE_INTERESTING, desc = "The worker never saw stop(): the compiled loop no longer reads the flag.")
    @State
    public static class PlainFlag {
        final Spinner spinner = new BadExample();

        @Actor
        public void worker() {
            spinner.spinUntilStopped();
        }

        @Signal
        public void stop() {
            spinner.stop();
        }
    }

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The worker saw stop() and ended.")
    @Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "The worker never saw stop(): volatile forbids it.")
    @State
    public static class VolatileFlag {
        final Spinner spinner = new GoodExample();

        @Actor
        public void worker() {
            spinner.spinUntilStopped();
        }

        @Signal
        public void stop() {
            spinner.stop();
        }
    }
}
