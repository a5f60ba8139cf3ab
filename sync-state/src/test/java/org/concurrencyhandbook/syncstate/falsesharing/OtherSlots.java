package org.concurrencyhandbook.syncstate.falsesharing;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The other slot layouts {@link FalseSharingTest} measures: a wrong fix readers try. Each is measured
 * in a JVM of its own, as the mains are: in one JVM the measuring loops would see several layouts and be compiled for
 * all of them, which moved the padded layout's "alone" baseline by a third in our runs. {@link #main} takes the name.
 */
final class OtherSlots {

    static final String PADDED_ONE_LINE_FROM_THE_START = "64 bytes apart, from slot 0";

    private OtherSlots() {
    }

    public static void main(String[] args) throws InterruptedException {
        switch (args[0]) {
            case PADDED_ONE_LINE_FROM_THE_START -> Scenario.demonstrate(args[0], PaddedOneLineFromTheStart::new).exit();
            default -> throw new IllegalArgumentException("no layout named " + args[0]);
        }
    }

    /**
     * Tempts because "a cache line is 64 bytes, so pad by 64": slots 0 and 8 are in different lines. But slot 0 shares
     * its line with the array's header, and every bounds check of the other worker reads the array's length there.
     */
    static final class PaddedOneLineFromTheStart implements HitSlots {
        private static final int SPACING = 8;
        private final AtomicLongArray slots = new AtomicLongArray(2 * SPACING);

        @Override
        public void hit(int worker) {
            slots.setOpaque(worker * SPACING, slots.getOpaque(worker * SPACING) + 1);
        }

        @Override
        public long hits(int worker) {
            return slots.getOpaque(worker * SPACING);
        }
    }
}
