package org.concurrencyhandbook.asyncpitfalls.timeout;

import java.time.Duration;

/**
 * Looks up a price from a backend. It must answer within {@link #DEADLINE} — with the price, or with
 * {@code "unavailable"} — and must not leave a backend call behind when it gives up. Both examples implement it.
 */
public interface PriceService extends AutoCloseable {

    Duration DEADLINE = Duration.ofMillis(200);

    String priceOf(String item) throws Exception;

    /** Stops the service's own threads, if it has any. */
    @Override
    void close();

    /** The backend: blocks until it answers, and answers interrupts while it waits. */
    @FunctionalInterface
    interface Backend {
        String fetch(String item) throws InterruptedException;
    }

    /** How the scenario opens a service on its backend. */
    @FunctionalInterface
    interface Opener {
        PriceService open(Backend backend);
    }
}
