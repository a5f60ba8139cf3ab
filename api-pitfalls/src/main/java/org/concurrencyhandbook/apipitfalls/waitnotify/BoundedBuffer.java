package org.concurrencyhandbook.apipitfalls.waitnotify;

import java.util.List;

/** A buffer of parcels with a fixed number of places: producers wait for room, consumers for a parcel. */
public interface BoundedBuffer {

    /** Adds one parcel, waiting while the buffer is full. */
    void put(String parcel) throws InterruptedException;

    /**
     * Adds a batch, in order, holding the buffer's lock for the whole batch — except while it waits for room, as
     * often as it must, which lets the consumers in.
     */
    void putAll(List<String> batch) throws InterruptedException;

    /** Removes the oldest parcel, waiting while the buffer is empty. */
    String take() throws InterruptedException;
}
