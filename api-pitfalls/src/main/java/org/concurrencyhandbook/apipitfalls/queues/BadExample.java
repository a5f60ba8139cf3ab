package org.concurrencyhandbook.apipitfalls.queues;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;

/**
 * 3.7 Queue-specific issues — {@code offer} with its answer ignored, and one poison pill for three consumers.
 *
 * <p>Two mistakes of the same kind: a promise of the queue API read the wrong way. {@code offer} does not wait when the
 * queue is full — it returns {@code false}, and an item whose {@code false} nobody reads is simply gone. And a poison
 * pill is one item: one consumer takes it and stops; the others are left in {@code take()}, waiting for an item that
 * will never come — threads that never end, and a shutdown that never completes.
 *
 * <p>Run it: {@code ./handbook 3.7}. It exits 4 (failure shown) because items were dropped and consumers never ended.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.7} printed:
 * <pre>
 * One producer handed 20 items to 3 consumers through a queue of 4, then said there were no more.
 * Items handled: 4 of 20. Consumers that ended: 1 of 3.
 * LOST: 16 items never handled, and nobody was told.
 * STUCK: 2 consumer(s) waiting in the queue for an item that will never come — the demo interrupted them; a real service would never shut down.
 * </pre>
 */
public final class BadExample implements WorkQueue {

    /** The end-of-work marker; real items are positive. */
    static final int POISON_PILL = -1;

    private final BlockingQueue<Integer> queue;

    public BadExample(int capacity, int consumers) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void produce(List<Integer> items) throws InterruptedException {
        for (int item : items) {
            // Wrong: false when the queue is full — and the item is dropped without a word.
            queue.offer(item);
        }
        // Wrong: one pill, for however many consumers there are.
        queue.put(POISON_PILL);
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
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
