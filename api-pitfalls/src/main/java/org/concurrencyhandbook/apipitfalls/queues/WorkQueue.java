package org.concurrencyhandbook.apipitfalls.queues;

import java.util.List;
import java.util.function.IntConsumer;

/** One producer, several consumers, a bounded queue between them. Both examples implement it. */
public interface WorkQueue {

    /** The producer's side: hands over every item, then tells the consumers there will be no more. */
    void produce(List<Integer> items) throws InterruptedException;

    /** A consumer's side: handles items until there will be no more, then returns. */
    void consume(IntConsumer handler) throws InterruptedException;

    /** How the scenario opens a work queue: its capacity, and how many consumers will take from it. */
    @FunctionalInterface
    interface Opener {
        WorkQueue open(int capacity, int consumers);
    }
}
