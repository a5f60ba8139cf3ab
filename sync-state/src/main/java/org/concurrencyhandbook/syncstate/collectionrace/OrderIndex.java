package org.concurrencyhandbook.syncstate.collectionrace;

/** Orders by id, filled by several loader threads at once. Both examples implement it. */
public interface OrderIndex {

    void add(long orderId, String customer);

    boolean contains(long orderId);

    int size();
}
