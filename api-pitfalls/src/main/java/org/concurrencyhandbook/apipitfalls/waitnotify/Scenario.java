package org.concurrencyhandbook.apipitfalls.waitnotify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario every buffer runs: a buffer with room for one parcel, two consumers, one producer, in two scenes. In
 * each, consumer-1 and then consumer-2 start on the empty buffer and are let go on only once each waits — so the
 * order of the wait set is known.
 *
 * <ol>
 *   <li><b>One parcel for two waiting consumers.</b> The producer puts one parcel. One consumer must take it and the
 *       other keep waiting; a consumer woken by the first one's {@code notify()} (or by a {@code notifyAll()}) that
 *       does not check again takes from the empty buffer. After {@code GRACE} the scenario puts a second parcel for
 *       whoever still waits.</li>
 *   <li><b>A batch of two.</b> The producer puts two parcels with {@code putAll}: the first wakes a consumer, which
 *       cannot run yet — the producer holds the buffer — and the second finds the buffer full, so the producer waits,
 *       behind consumer-2 in the wait set. The consumer takes the first parcel and wakes one waiter: HotSpot's
 *       {@code notify()} picks the longest waiting, consumer-2, who finds the buffer still empty and waits again —
 *       and the producer, who alone could use the wake-up, is never woken.</li>
 * </ol>
 *
 * <p>Every thread's work takes microseconds: one still waiting {@code GRACE} (1 s) after its parcel or room came is
 * waiting for good — the one timed judgment, with a margin of thousands. Stuck threads are interrupted, so nothing
 * outlives the run. The invariant: every parcel put reaches exactly one consumer, nothing is taken that was not put,
 * and nobody is left waiting.
 */
final class Scenario {

    static final int CAPACITY = 1;
    static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** What one consumer's {@code take()} returned: {@code null} for nothing. */
    record Take(String consumer, String parcel) {
        @Override
        public String toString() {
            return consumer + " took " + parcel;
        }
    }

    /**
     * One scene: what was put, what each consumer took, who never returned, and whether
     * {@code ThreadMXBean} called the stuck threads deadlocked.
     */
    record Scene(String story, List<String> put, List<Take> takes, List<String> stuck, boolean deadlockFound) {
        List<String> taken() {
            return takes.stream().map(Take::parcel).toList();
        }

        /** Parcels taken that nobody put — from an empty buffer — or taken twice. */
        int takenFromNothing() {
            Set<String> seen = new HashSet<>();
            return (int) taken().stream().filter(parcel -> parcel == null || !put.contains(parcel) || !seen.add(parcel))
                    .count();
        }

        List<String> neverDelivered() {
            return put.stream().filter(parcel -> !taken().contains(parcel)).toList();
        }

        boolean held() {
            return takenFromNothing() == 0 && neverDelivered().isEmpty() && stuck.isEmpty();
        }
    }

    /** Both scenes. */
    record Outcome(Scene oneParcel, Scene batch) {
        Verdict verdict() {
            return oneParcel.held() && batch.held() ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(IntFunction<BoundedBuffer> opener) throws InterruptedException {
        return new Outcome(oneParcelForTwoWaitingConsumers(opener.apply(CAPACITY)),
                aBatchOfTwo(opener.apply(CAPACITY)));
    }

    private static Scene oneParcelForTwoWaitingConsumers(BoundedBuffer buffer) throws InterruptedException {
        List<String> put = new ArrayList<>(List.of("parcel-1"));
        Cast cast = new Cast();
        try {
            cast.consumersWaiting(buffer);
            cast.producer("producer", () -> buffer.put("parcel-1"));
            cast.awaitConsumers(GRACE);
            String story = "parcel-1 put for the two waiting consumers";
            if (!cast.stuckConsumers().isEmpty()) {
                put.add("parcel-2");
                story += ", and parcel-2 for the one still waiting " + GRACE.toMillis() + " ms later";
                cast.producer("second producer", () -> buffer.put("parcel-2"));
                cast.awaitConsumers(GRACE);
            }
            return cast.end(story, put);
        } finally {
            cast.interruptAll();
        }
    }

    private static Scene aBatchOfTwo(BoundedBuffer buffer) throws InterruptedException {
        List<String> batch = List.of("parcel-3", "parcel-4");
        Cast cast = new Cast();
        try {
            cast.consumersWaiting(buffer);
            cast.producer("producer", () -> buffer.putAll(batch));
            cast.awaitConsumers(GRACE);
            return cast.end("parcel-3 and parcel-4 put as one batch with putAll", batch);
        } finally {
            cast.interruptAll();
        }
    }

    /** The threads of one scene: two consumers, each taking one parcel, and the producers the scene starts. */
    private static final class Cast {
        private final Workers workers = new Workers();
        private final List<Thread> consumers = new ArrayList<>();
        private final List<Thread> producers = new ArrayList<>();
        private final List<Take> takes = Collections.synchronizedList(new ArrayList<>());
        private final Set<Thread> returned = Collections.synchronizedSet(new HashSet<>());

        /** Starts consumer-1, then, once it waits, consumer-2, each taking one parcel from {@code buffer}. */
        void consumersWaiting(BoundedBuffer buffer) {
            for (int c = 1; c <= 2; c++) {
                Thread consumer = start("consumer-" + c,
                        () -> takes.add(new Take(Thread.currentThread().getName(), buffer.take())));
                consumers.add(consumer);
                // Waiting on the empty buffer — with a time-out too, for a buffer that polls.
                Await.arrivedOrBlocked(List.of(consumer), thread -> returned.contains(thread)
                        || thread.getState() == Thread.State.TIMED_WAITING, PATIENCE);
            }
        }

        void producer(String name, Blocking work) {
            producers.add(start(name, work));
        }

        /** Waits for the consumers to return, at most {@code grace} after the last producer returned. */
        void awaitConsumers(Duration grace) throws InterruptedException {
            Thread producer = producers.getLast();
            producer.join(grace);
            long deadline = System.nanoTime() + grace.toNanos();
            for (Thread consumer : consumers) {
                consumer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        }

        List<Thread> stuckConsumers() {
            return consumers.stream().filter(consumer -> !returned.contains(consumer)).toList();
        }

        Scene end(String story, List<String> put) throws InterruptedException {
            List<Thread> everyone = new ArrayList<>(producers);
            everyone.addAll(consumers);
            List<Thread> stuckThreads = everyone.stream().filter(thread -> !returned.contains(thread)).toList();
            List<String> stuck = stuckThreads.stream()
                    .map(thread -> thread.getName() + " waits in " + StallDetector.waitingIn(thread)).toList();
            boolean deadlockFound = !stuckThreads.isEmpty() && StallDetector.findDeadlock(stuckThreads).isPresent();
            interruptAll();
            List<Take> byConsumer = takes.stream().sorted(Comparator.comparing(Take::consumer)).toList();
            return new Scene(story, List.copyOf(put), byConsumer, stuck,
                    deadlockFound);
        }

        /** Lets no thread of the scene outlive it, whatever happened — a scene that failed half-way included. */
        void interruptAll() throws InterruptedException {
            consumers.forEach(Thread::interrupt);
            producers.forEach(Thread::interrupt);
            workers.awaitAll(PATIENCE);
        }

        private Thread start(String name, Blocking work) {
            Thread thread = workers.add(name, () -> {
                try {
                    work.run();
                    returned.add(Thread.currentThread());
                } catch (InterruptedException stuckAndFreed) {
                    Thread.currentThread().interrupt();
                }
            });
            workers.startAll();
            return thread;
        }
    }

    @FunctionalInterface
    private interface Blocking {
        void run() throws InterruptedException;
    }

    static Verdict demonstrate(String example, IntFunction<BoundedBuffer> opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("3.8 wait/notify misuse — %s%n", example);
        System.out.printf("A buffer with room for %d parcel; consumer-1, then consumer-2, wait on it while it is empty.%n",
                CAPACITY);
        boolean fromNothing = false;
        boolean lostWakeUp = false;
        for (Scene scene : List.of(outcome.oneParcel(), outcome.batch())) {
            System.out.printf("%s %s: %s.%n", scene == outcome.oneParcel() ? "First," : "Then, on a new buffer,", scene.story(),
                    scene.takes().stream().map(Take::toString).collect(Collectors.joining(", ")));
            if (scene.takenFromNothing() > 0) {
                fromNothing = true;
                System.out.printf("  %d take(s) returned what nobody put: a consumer woke up, did not check, and took"
                        + " from an empty buffer.%n", scene.takenFromNothing());
            }
            if (!scene.neverDelivered().isEmpty()) {
                System.out.printf("  Never delivered: %s.%n", scene.neverDelivered());
            }
            if (!scene.stuck().isEmpty()) {
                lostWakeUp = true;
                System.out.printf("  Still waiting %d ms later: %s. ThreadMXBean.findDeadlockedThreads() %s.%n",
                        GRACE.toMillis(), String.join("; ", scene.stuck()), scene.deadlockFound() ? "reports a deadlock"
                                : "reports nothing: a thread in wait() holds no lock and waits for no owner");
            }
        }
        if (fromNothing) {
            System.out.println("STOLEN WAKE-UP: wait() returned, the condition did not hold, and an if went on anyway.");
        }
        if (lostWakeUp) {
            System.out.println("LOST WAKE-UP: notify() woke a thread waiting for something else; it went back to waiting,"
                    + " and the thread the change was for was never woken. The demo interrupted them.");
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("Every parcel reached exactly one consumer; nobody was left waiting.");
        }
        return outcome.verdict();
    }
}
