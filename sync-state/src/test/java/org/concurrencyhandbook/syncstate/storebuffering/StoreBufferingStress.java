package org.concurrencyhandbook.syncstate.storebuffering;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The examples' own flags under jcstress: each sample is a fresh example instance, the two actors call its two
 * methods, and r1/r2 are what each thread saw of the other's flag. Run by {@link StoreBufferingTest}; on its own:
 * {@code java -cp <test class path> org.openjdk.jcstress.Main -t StoreBufferingStress}.
 */
public class StoreBufferingStress {

    @JCStressTest
    @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE,             desc = "At least one thread saw the other's flag up.")
    @Outcome(id = "0, 0",                   expect = ACCEPTABLE_INTERESTING, desc = "Both saw the other's flag down: both stores waited in store buffers.")
    @State
    public static class PlainFields {
        final EntryFlags flags = new BadExample();

        @Actor
        public void first(II_Result r) {
            r.r1 = flags.firstRaisesThenLooks();
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = flags.secondRaisesThenLooks();
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE, desc = "At least one thread saw the other's flag up.")
    @Outcome(id = "0, 0",                   expect = FORBIDDEN,  desc = "Both saw the other's flag down: volatile forbids it.")
    @State
    public static class VolatileFields {
        final EntryFlags flags = new GoodExample();

        @Actor
        public void first(II_Result r) {
            r.r1 = flags.firstRaisesThenLooks();
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = flags.secondRaisesThenLooks();
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE, desc = "At least one thread saw the other's flag up.")
    @Outcome(id = "0, 0",                   expect = ACCEPTABLE_INTERESTING, desc = "Both saw the other's flag down: release/acquire lets a store and a later load swap.")
    @State
    public static class ReleaseAcquire {
        final EntryFlags flags = new OtherFlags.ReleaseAcquire();

        @Actor
        public void first(II_Result r) {
            r.r1 = flags.firstRaisesThenLooks();
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = flags.secondRaisesThenLooks();
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE, desc = "At least one thread saw the other's flag up.")
    @Outcome(id = "0, 0",                   expect = ACCEPTABLE_INTERESTING, desc = "Both saw the other's flag down: the plain flag's store waited in a store buffer.")
    @State
    public static class OneVolatileFlag {
        final EntryFlags flags = new OtherFlags.OneVolatileFlag();

        @Actor
        public void first(II_Result r) {
            r.r1 = flags.firstRaisesThenLooks();
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = flags.secondRaisesThenLooks();
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE, desc = "At least one thread saw the other's flag up.")
    @Outcome(id = "0, 0",                   expect = FORBIDDEN, desc = "Both saw the other's flag down: volatile get/set forbid it.")
    @State
    public static class AtomicFlags {
        final EntryFlags flags = new OtherFlags.AtomicFlags();

        @Actor
        public void first(II_Result r) {
            r.r1 = flags.firstRaisesThenLooks();
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = flags.secondRaisesThenLooks();
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE, desc = "At least one thread saw the other's flag up.")
    @Outcome(id = "0, 0",                   expect = FORBIDDEN, desc = "Both saw the other's flag down: a full fence between store and load forbids it.")
    @State
    public static class FullFence {
        final EntryFlags flags = new OtherFlags.FullFence();

        @Actor
        public void first(II_Result r) {
            r.r1 = flags.firstRaisesThenLooks();
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = flags.secondRaisesThenLooks();
        }
    }
}
