package org.concurrencyhandbook.apipitfalls.busywait;

/**
 * A one-time signal from one thread to another: a report is ready, a connection is up. Both examples implement it.
 */
public interface Handoff {

    /** Called once, by the thread that has something ready. */
    void signal();

    /** Returns once {@link #signal()} has been called. */
    void awaitSignal() throws InterruptedException;
}
