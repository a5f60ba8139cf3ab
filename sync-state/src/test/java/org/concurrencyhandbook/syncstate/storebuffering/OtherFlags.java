package org.concurrencyhandbook.syncstate.storebuffering;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/** The other entry flags {@link StoreBufferingTest} races under jcstress: wrong fixes readers try, and other fixes. */
final class OtherFlags {

    private OtherFlags() {
    }

    /**
     * Tempts because release/acquire is "the cheap volatile" and enough for publication (1.9); but it orders a store
     * only with what comes <em>before</em> it, and a load only with what comes after: a store followed by a load of
     * another variable is exactly the pair it lets swap. On x86-64 both compile to plain moves.
     */
    static final class ReleaseAcquire implements EntryFlags {
        private static final VarHandle FIRST;
        private static final VarHandle SECOND;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                FIRST = lookup.findVarHandle(ReleaseAcquire.class, "firstFlag", int.class);
                SECOND = lookup.findVarHandle(ReleaseAcquire.class, "secondFlag", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private int firstFlag;
        private int secondFlag;

        @Override
        public int firstRaisesThenLooks() {
            FIRST.setRelease(this, 1);
            return (int) SECOND.getAcquire(this);
        }

        @Override
        public int secondRaisesThenLooks() {
            SECOND.setRelease(this, 1);
            return (int) FIRST.getAcquire(this);
        }
    }

    /**
     * Tempts because "one volatile fixes the race"; but only the thread that stores to the volatile flag gets a fence
     * after its store. The other thread's plain store can still wait in its store buffer while it loads.
     */
    static final class OneVolatileFlag implements EntryFlags {
        private volatile int firstFlag;
        private int secondFlag;

        @Override
        public int firstRaisesThenLooks() {
            firstFlag = 1;
            return secondFlag;
        }

        @Override
        public int secondRaisesThenLooks() {
            secondFlag = 1;
            return firstFlag;
        }
    }

    /** Holds because {@code AtomicInteger.get/set} are volatile accesses, in the same total order as GoodExample's. */
    static final class AtomicFlags implements EntryFlags {
        private final AtomicInteger firstFlag = new AtomicInteger();
        private final AtomicInteger secondFlag = new AtomicInteger();

        @Override
        public int firstRaisesThenLooks() {
            firstFlag.set(1);
            return secondFlag.get();
        }

        @Override
        public int secondRaisesThenLooks() {
            secondFlag.set(1);
            return firstFlag.get();
        }
    }

    /**
     * Holds because {@code VarHandle.fullFence()} between the store and the load forbids exactly their swap — on
     * x86-64 the same locked instruction a volatile store is followed by. Plain fields otherwise; for experts.
     */
    static final class FullFence implements EntryFlags {
        private int firstFlag;
        private int secondFlag;

        @Override
        public int firstRaisesThenLooks() {
            firstFlag = 1;
            VarHandle.fullFence();
            return secondFlag;
        }

        @Override
        public int secondRaisesThenLooks() {
            secondFlag = 1;
            VarHandle.fullFence();
            return firstFlag;
        }
    }
}
