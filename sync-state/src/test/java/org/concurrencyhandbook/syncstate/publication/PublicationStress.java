package org.concurrencyhandbook.syncstate.publication;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * The examples' own holders under jcstress, with no seam and an instant settings store: two actors call {@code get()}
 * on a fresh holder at once, and each records whether the configuration it got was complete. Run by
 * {@link PublicationTest}.
 */
public class PublicationStress {

    private static final LazyConfig.Settings INSTANT = key -> key.length();

    @JCStressTest
    @Outcome(id = "true, true",                  expect = ACCEPTABLE,             desc = "Both callers got the complete configuration.")
    @Outcome(id = {"true, false", "false, true"}, expect = ACCEPTABLE_INTERESTING, desc = "One caller got it half built, through the unsynchronized fast path.")
    @Outcome(id = "false, false",                expect = ACCEPTABLE_INTERESTING, desc = "Both callers got it half built.")
    @State
    public static class PublishThenFill {
        final LazyConfig holder = new BadExample(INSTANT);

        @Actor
        public void first(ZZ_Result r) {
            r.r1 = holder.get().isComplete();
        }

        @Actor
        public void second(ZZ_Result r) {
            r.r2 = holder.get().isComplete();
        }
    }

    @JCStressTest
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "Both callers got the complete configuration.")
    @Outcome(                   expect = FORBIDDEN,  desc = "A caller got it half built: forbidden by build-then-publish through a volatile field.")
    @State
    public static class FillThenPublishVolatile {
        final LazyConfig holder = new GoodExample(INSTANT);

        @Actor
        public void first(ZZ_Result r) {
            r.r1 = holder.get().isComplete();
        }

        @Actor
        public void second(ZZ_Result r) {
            r.r2 = holder.get().isComplete();
        }
    }

    @JCStressTest
    @Outcome(id = "true, true",                  expect = ACCEPTABLE,             desc = "Both callers got the complete configuration.")
    @Outcome(id = {"true, false", "false, true"}, expect = ACCEPTABLE_INTERESTING, desc = "A caller got it half built: the plain field let the reference overtake the setters' stores.")
    @Outcome(id = "false, false",                expect = ACCEPTABLE_INTERESTING, desc = "Both callers got it half built.")
    @State
    public static class FillThenPublishPlain {
        final LazyConfig holder = new OtherHolders.FilledFirstButPlain(INSTANT);

        @Actor
        public void first(ZZ_Result r) {
            r.r1 = holder.get().isComplete();
        }

        @Actor
        public void second(ZZ_Result r) {
            r.r2 = holder.get().isComplete();
        }
    }
}
