package org.concurrencyhandbook.apipitfalls.queues;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** The work queues 3.7's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherQueues {

    private static final int POISON_PILL = -1;

    private OtherQueues() {
    }

    /**
     * Wrong: consumers that {@code poll()} and stop at the first {@code null}, with {@code put} and a pill per
     * consumer on the producer's side. It tempts because no consumer can hang in {@code take()} any more; it fails
     * because an empty queue means "nothing yet", not "nothing more": the consumers quit whenever the producer is
     * slower than they are — here, before it has begun — and the items, and a producer waiting for room, are left
     * behind.
     */
    static final class PollUntilNull implements WorkQueue {
        private final BlockingQueue<Integer> queue;
        private final int consumers;

        PollUntilNull(int capacity, int consumers) {
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
        public void consume(IntConsumer handler) {
            Integer item;
            while ((item = queue.poll()) != null && item != POISON_PILL) {
                handler.accept(item);
            }
        }
    }

    /**
     * Right: no pills — the producer says "no more" with a flag, and each consumer polls with a time-out and stops
     * once the flag is set and the queue is empty. (The flag is set after the last {@code put}, so an empty queue
     * seen after it is empty for good.)
     */
    static final class DoneFlagAndTimedPoll implements WorkQueue {
        private final BlockingQueue<Integer> queue;
        private volatile boolean noMore;

        DoneFlagAndTimedPoll(int capacity, int consumers) {
            this.queue = new ArrayBlockingQueue<>(capacity);
        }

        @Override
        public void produce(List<Integer> items) throws InterruptedException {
            for (int item : items) {
                queue.put(item);
            }
            noMore = true;
        }

        @Override
        public void consume(IntConsumer handler) throws InterruptedException {
            while (true) {
                boolean lastLook = noMore;
                Integer item = queue.poll(10, TimeUnit.MILLISECONDS);
                if (item != null) {
                    handler.accept(item);
                } else if (lastLook) {
                    return;
                }
            }
        }
    }
}
