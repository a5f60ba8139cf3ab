package org.concurrencyhandbook.syncstate.collectionrace;

import java.util.HashMap;
import java.util.Map;

/**
 * 1.2 Data race on a collection — the broken index: a shared {@link HashMap}.
 *
 * <p>Each loader adds orders nobody else adds, so it looks as if they cannot interfere. But a {@code put} is not one
 * step: it reads a bucket, links a node into it, bumps {@code size}, and when the table is full it allocates a table
 * twice as large and moves every node across. Two threads doing that at once on unsynchronized memory lose nodes
 * (both link into the same bucket and one link wins), lose whole buckets (a resize copies a bucket that another
 * thread is still adding to, or publishes a table another resize is filling), and miscount {@code size}. Nothing
 * throws, as a rule; the orders are simply not there. Sometimes the structure is corrupt enough to throw
 * ({@code ClassCastException} between node kinds, {@code NullPointerException}) or, in old JDKs, to loop forever.
 *
 * <p>{@code HashMap}'s Javadoc says so: "If multiple threads access a hash map concurrently, and at least one of the
 * threads modifies the map structurally, it must be synchronized externally." So do {@code ArrayList},
 * {@code HashSet}, {@code ArrayDeque} and every other unsynchronized collection.
 *
 * <p>Run it: {@code ./handbook 1.2}. It exits 4 (failure shown) at the first round whose index lost orders.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.2} printed:
 * <pre>
 * 2 loaders, started together, each added 50,000 orders (ids nobody else used) to a fresh index, round after round.
 * CORRUPTED in round 1: 38,114 of 100,000 orders missing, size() says 99,665.
 * </pre>
 */
public final class BadExample implements OrderIndex {

    // Wrong: a HashMap shared by several writers with no synchronization at all.
    private final Map<Long, String> orders = new HashMap<>();

    @Override
    public void add(long orderId, String customer) {
        orders.put(orderId, customer);
    }

    @Override
    public boolean contains(long orderId) {
        return orders.containsKey(orderId);
    }

    @Override
    public int size() {
        return orders.size();
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
