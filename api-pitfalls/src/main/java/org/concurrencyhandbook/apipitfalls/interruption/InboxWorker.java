package org.concurrencyhandbook.apipitfalls.interruption;

import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/** A task that serves an inbox: takes each message as it comes and hands it on. Both examples implement it. */
public interface InboxWorker {

    /** Serves {@code inbox} until the thread is interrupted — the way an executor's {@code shutdownNow()} asks. */
    void serve(BlockingQueue<String> inbox, Consumer<String> handler) throws InterruptedException;
}
