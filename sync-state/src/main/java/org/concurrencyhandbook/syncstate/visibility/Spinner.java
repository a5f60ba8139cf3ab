package org.concurrencyhandbook.syncstate.visibility;

/** A worker that loops until another thread tells it to stop. Both examples implement it. */
public interface Spinner {

    /** Loops until {@link #stop()} has been called, then returns how many times it looped. */
    long spinUntilStopped();

    /** Asks the spinning thread to stop; called from another thread. */
    void stop();
}
