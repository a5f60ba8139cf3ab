package org.concurrencyhandbook.asyncpitfalls.eventloop;

import java.util.concurrent.CompletableFuture;

/**
 * A service built around an event loop: one thread runs its requests' quick work. Both examples implement it.
 */
public interface QuoteService extends AutoCloseable {

    /** A price from the backend — a call that blocks until the backend answers. */
    CompletableFuture<String> quote(String symbol);

    /** A quick request that needs nothing but the loop: a health check. */
    CompletableFuture<String> ping();

    /** Stops the service's threads. */
    @Override
    void close();

    /** The backend: a blocking call, as a JDBC query or a blocking HTTP client is. */
    @FunctionalInterface
    interface Backend {
        String fetch(String symbol);
    }
}
