package org.concurrencyhandbook.testkit;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/** jcstress tests that exercise the harness itself: one that always gives the same outcome, one that throws. */
public class HarnessFixtures {

    @JCStressTest
    @Outcome(id = "42", expect = Expect.ACCEPTABLE, desc = "the only value ever written")
    @Outcome(expect = Expect.FORBIDDEN, desc = "anything else")
    @State
    public static class AlwaysTheSame {
        @Actor
        public void actor(I_Result r) {
            r.r1 = 42;
        }
    }

    @JCStressTest
    @Outcome(expect = Expect.ACCEPTABLE, desc = "never reached: the actor throws")
    @State
    public static class ActorThrows {
        @Actor
        public void actor(I_Result r) {
            throw new IllegalStateException("this actor always fails");
        }
    }

    /** Not a jcstress test at all: asking jcstress for it matches nothing. */
    public static class NotAStressTest {
    }
}
