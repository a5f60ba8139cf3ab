package org.concurrencyhandbook.apipitfalls.reentrancy;

import java.util.Map;

/** A warehouse's stock, by item. Both examples implement it. */
public interface Inventory {

    /** Adds {@code quantity} units of one item. */
    void receive(String item, int quantity);

    /** Adds a whole delivery, as one step: no reader sees half of it. */
    void receiveAll(Map<String, Integer> delivery);

    int onHand(String item);
}
