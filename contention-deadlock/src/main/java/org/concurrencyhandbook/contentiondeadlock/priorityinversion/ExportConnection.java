package org.concurrencyhandbook.contentiondeadlock.priorityinversion;

/**
 * The report server's single connection to the export database, held by one job at a time across several of its steps.
 * A job that finds it taken leaves a continuation and gives the worker thread up; the connection runs the continuation
 * when it is handed over. Both examples implement it.
 *
 * <p>It is a lock owned by a job, not by a thread — which is why a {@code ReentrantLock} would be wrong here: the steps
 * of one job can run on any thread, and a job waiting for the connection must not occupy the worker.
 */
public interface ExportConnection {

    /** Runs {@code then} as a step of {@code job} once {@code job} holds the connection. */
    void acquire(Job job, Runnable then);

    /** Gives the connection back; the longest-waiting job gets it next. */
    void release(Job job);
}
