package org.concurrencyhandbook.asyncpitfalls.pinning;

/**
 * The shop's price list, loaded from the {@link RemoteCatalog} — a slow, blocking call — once. Both examples implement
 * it.
 */
public interface PriceList {

    /**
     * Called once, on the starting thread, before any request is served: where a list that loads eagerly loads. The
     * examples load lazily, on the first request, and do nothing here.
     */
    default void startUp() {
    }

    /** The price of {@code item} in cents; the first callers wait while the list loads. */
    long priceOf(String item);
}
