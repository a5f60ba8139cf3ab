package org.concurrencyhandbook.asyncpitfalls.threadowned;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Handles a request in two asynchronous stages, the first on one executor and the second on another, inside one
 * critical section: between a request's {@code enter} and its {@code leave} no other request may enter. The second
 * stage must know which request it serves. Both examples implement it.
 */
public interface RequestHandler {

    CompletableFuture<String> handle(String request, Executor first, Executor second, Section section);

    /** The request's work inside the section: begun in the first stage, finished in the second. */
    interface Section {
        void enter();

        /** @param request the request the second stage believes it serves */
        String leave(String request);
    }
}
