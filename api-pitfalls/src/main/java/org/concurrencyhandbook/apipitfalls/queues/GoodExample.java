package org.concurrencyhandbook.apipitfalls.queues;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;

/**
 * 3.7 Queue-specific issues — {@code put}, which waits for room, and one pill per consumer.
 *
 * <p>{@code put} blocks while the queue is full: the producer slows to the consumers' pace (back-pressure) and nothing
 * is dropped. Where a producer must not block, {@code offer(item, timeout, unit)} with its answer <em>checked</em> is
 * the same promise with a limit. At the end the producer puts one pill per consumer: each consumer takes exactly one
 * and stops, because a consumer stops at its first pill and leaves the rest to the others.
 *
 * <p>The same fix, another way: no pills at all — a "no more items" flag set by the producer, and consumers that
 * {@code poll} with a time-out and stop when the flag is set and the queue is empty; {@code QueuesTest} runs it
 * beside this one.
 *
 * <p>Run it: {@code ./handbook 3.7}. It exits 0 because every item was handled and every consumer ended.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.7} printed:
 * <pre>
 * One producer handed 20 items to 3 consumers through a queue of 4, then said there were no more.
 * Items handled: 20 of 20. Consumers that ended: 3 of 3.
 * Every item handled, every consumer ended.
 * </pre>
 */
public final class GoodExample implements WorkQueue {

    static final int POISON_PILL = -1;

    private final BlockingQueue<Integer> queue;
    private final int consumers;

    public GoodExample(int capacity, int consumers) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.consumers = consumers;
    }

    @Override
    public void produce(List<Integer> items) throws InterruptedException {
        for (int item : items) {
            queue.put(item);
        }
        for (int consumer = 0; consumer < consumers; consumer++) {
            queue.put(POISON_PILL);
        }
    }

    @Override
    public void consume(IntConsumer handler) throws InterruptedException {
        while (true) {
            int item = queue.take();
            if (item == POISON_PILL) {
                return;
            }
            handler.accept(item);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
