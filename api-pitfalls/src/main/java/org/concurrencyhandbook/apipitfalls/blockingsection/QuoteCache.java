package org.concurrencyhandbook.apipitfalls.blockingsection;

/**
 * A cache of stock prices in front of a slow quote service: the first read of a symbol fetches it, later reads are
 * served from memory. Both examples implement it.
 */
public interface QuoteCache {

    long price(String symbol);

    /** The quote service: a network call in production, the scenario's hook here. */
    @FunctionalInterface
    interface QuoteService {
        long fetch(String symbol);
    }

    /** How the scenario opens a cache in front of its service. */
    @FunctionalInterface
    interface Opener {
        QuoteCache open(QuoteService service);
    }
}
