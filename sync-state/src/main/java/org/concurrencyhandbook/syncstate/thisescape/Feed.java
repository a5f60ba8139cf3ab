package org.concurrencyhandbook.syncstate.thisescape;

/**
 * A temperature feed that calls its subscribers on its own thread. Like many feeds, it greets a new subscriber at once
 * with the latest reading.
 */
public interface Feed {

    void subscribe(Display display);

    /** A display that subscribes to the feed and shows the latest reading. Both examples implement it. */
    interface Display {
        void onReading(double celsius);

        /** What the display shows right now. */
        String shown();
    }
}
