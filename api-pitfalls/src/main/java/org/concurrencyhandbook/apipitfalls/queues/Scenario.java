package org.concurrencyhandbook.apipitfalls.queues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario every work queue runs: 3 consumers, a queue of 4, 20 items. The consumers start first and wait for
 * work; then the producer hands over the 20 items and says there are no more. Each consumer, before it handles an item,
 * waits until the producer has finished or is waiting — so the queue fills up, on every run. The producer and then
 * the consumers get {@code GRACE} (1 s) to finish — their work takes microseconds, so a thread still waiting then is
 * waiting for an item or for room that will never come: the one timed judgment, with a margin of thousands. The scenario counts items handled, consumers that never returned, and whether
 * the producer was left waiting; stuck threads are then interrupted, so nothing outlives the run. The invariant: all
 * 20 items handled, all 3 consumers returned.
 */
final class Scenario {

    static final int CONSUMERS = 3;
    static final int CAPACITY = 4;
    static final int ITEMS = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** The producer's and the consumers' work takes microseconds: a thread still waiting after this waits for good. */
    static final Duration GRACE = Duration.ofSeconds(1);

    private Scenario() {
    }

    /** What happened to the items and the threads. */
    record Outcome(int handled, int consumersStuck, boolean producerStuck) {
        int neverHandled() {
            return ITEMS - handled;
        }

        Verdict verdict() {
            return neverHandled() > 0 || consumersStuck > 0 || producerStuck ? Verdict.FAILURE_SHOWN : Verdict.INVARIANT_HELD;
        }
    }

    static Outcome run(WorkQueue.Opener opener) throws InterruptedException {
        WorkQueue queue = opener.open(CAPACITY, CONSUMERS);
        Set<Integer> handled = ConcurrentHashMap.newKeySet();
        Set<Thread> returned = ConcurrentHashMap.newKeySet();
        AtomicBoolean produced = new AtomicBoolean();
        Workers producerWorker = new Workers();
        Thread producer = producerWorker.add("producer", () -> {
            try {
                queue.produce(IntStream.rangeClosed(1, ITEMS).boxed().toList());
                produced.set(true);
            } catch (InterruptedException stuckAndFreed) {
                Thread.currentThread().interrupt();
            }
        });
        Workers consumerWorkers = new Workers();
        List<Thread> consumers = new ArrayList<>();
        for (int c = 1; c <= CONSUMERS; c++) {
            consumers.add(consumerWorkers.add("consumer-" + c, () -> {
                try {
                    queue.consume(item -> {
                        Await.arrivedOrBlocked(List.of(producer), thread -> produced.get(), PATIENCE);
                        handled.add(item);
                    });
                    returned.add(Thread.currentThread());
                } catch (InterruptedException stuckAndFreed) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        consumerWorkers.startAll();
        // Every consumer waiting for work — in take(), or in a poll with a time-out — or gone, before any work comes.
        Await.arrivedOrBlocked(consumers, consumer -> returned.contains(consumer)
                || consumer.getState() == Thread.State.TIMED_WAITING, PATIENCE);
        producerWorker.startAll();
        boolean producerStuck = !producer.join(GRACE);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (Thread consumer : consumers) {
            consumer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        int stuck = (int) consumers.stream().filter(consumer -> !returned.contains(consumer)).count();
        producer.interrupt();
        consumers.forEach(Thread::interrupt);
        producerWorker.awaitAll(PATIENCE);
        consumerWorkers.awaitAll(PATIENCE);
        return new Outcome(handled.size(), stuck, producerStuck);
    }

    static Verdict demonstrate(String example, WorkQueue.Opener opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("3.7 Queue-specific issues — %s%n", example);
        System.out.printf("One producer handed %d items to %d consumers through a queue of %d, then said there were no"
                + " more.%n", ITEMS, CONSUMERS, CAPACITY);
        System.out.printf("Items handled: %d of %d. Consumers that ended: %d of %d.%s%n", outcome.handled(), ITEMS,
                CONSUMERS - outcome.consumersStuck(), CONSUMERS, outcome.producerStuck()
                        ? " The producer was left waiting for room that no consumer would make." : "");
        if (outcome.neverHandled() > 0) {
            System.out.printf("LOST: %d items never handled, and nobody was told.%n", outcome.neverHandled());
        }
        if (outcome.consumersStuck() > 0) {
            System.out.printf("STUCK: %d consumer(s) waiting in the queue for an item that will never come — the demo"
                    + " interrupted them; a real service would never shut down.%n", outcome.consumersStuck());
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("Every item handled, every consumer ended.");
        }
        return outcome.verdict();
    }
}
