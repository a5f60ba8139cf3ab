package org.concurrencyhandbook.syncstate.thisescape;

import java.util.Locale;

/** The displays 1.10's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherDisplays {

    private OtherDisplays() {
    }

    /**
     * A display that subscribes on the last line of its constructor, after its own fields are set, and lets a subclass
     * choose how a reading is written.
     */
    static class SubscribesOnLastLine implements Feed.Display {
        private final String label;
        private final String unit;
        private volatile String shown;

        SubscribesOnLastLine(Feed feed, String label, String unit) {
            this.label = label;
            this.unit = unit;
            feed.subscribe(this);
        }

        @Override
        public void onReading(double celsius) {
            shown = label + ": " + format(celsius) + " " + unit;
        }

        String format(double celsius) {
            return Double.toString(celsius);
        }

        @Override
        public String shown() {
            return shown;
        }
    }

    /**
     * Wrong: {@code subscribe(this)} moved to the last line of the constructor, in a class that a subclass extends.
     * It tempts because the class's own fields are set by then; it fails because the subclass's constructor has not
     * run yet when the feed calls back: {@code decimals} is still 0, and the display shows 22 instead of 21.5.
     */
    static final class OneDecimalOnLastLine extends SubscribesOnLastLine {
        private final int decimals;

        OneDecimalOnLastLine(Feed feed, String label, String unit) {
            super(feed, label, unit);
            this.decimals = 1;
        }

        @Override
        String format(double celsius) {
            return String.format(Locale.ROOT, "%." + decimals + "f", celsius);
        }
    }

    /** Right: construct, then {@code start(feed)} — the two-phase form of the factory, for frameworks that need it. */
    static final class StartedAfterConstruction implements Feed.Display {
        private final String label;
        private final String unit;
        private volatile String shown;

        StartedAfterConstruction(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        static StartedAfterConstruction open(Feed feed, String label, String unit) {
            StartedAfterConstruction display = new StartedAfterConstruction(label, unit);
            display.start(feed);
            return display;
        }

        void start(Feed feed) {
            feed.subscribe(this);
        }

        @Override
        public void onReading(double celsius) {
            shown = label + ": " + celsius + " " + unit;
        }

        @Override
        public String shown() {
            return shown;
        }
    }

    /** The same subclass, but built whole and only then subscribed — the factory of {@code GoodExample}. */
    static final class OneDecimalSubscribedByFactory implements Feed.Display {
        private final String label;
        private final String unit;
        private final int decimals;
        private volatile String shown;

        private OneDecimalSubscribedByFactory(String label, String unit) {
            this.label = label;
            this.unit = unit;
            this.decimals = 1;
        }

        static OneDecimalSubscribedByFactory open(Feed feed, String label, String unit) {
            OneDecimalSubscribedByFactory display = new OneDecimalSubscribedByFactory(label, unit);
            feed.subscribe(display);
            return display;
        }

        @Override
        public void onReading(double celsius) {
            shown = label + ": " + String.format(Locale.ROOT, "%." + decimals + "f", celsius) + " " + unit;
        }

        @Override
        public String shown() {
            return shown;
        }
    }
}
