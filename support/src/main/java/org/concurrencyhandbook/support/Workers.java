package org.concurrencyhandbook.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads a scenario runs its story on: named daemon threads, started when the scenario says, waited for with a
 * limit. A worker that throws does not vanish with its thread — the first failure is rethrown to the scenario when it
 * waits — and a worker still running at the limit is an error, never a hang.
 *
 * <pre>{@code
 * Workers tellers = new Workers();
 * for (int t = 1; t <= 4; t++) {
 *     tellers.add("teller-" + t, () -> account.deposit(1));
 * }
 * tellers.startAll().awaitAll(Duration.ofSeconds(10));
 * }</pre>
 */
public final class Workers {

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    /** A worker that will run {@code body} on a daemon thread of this name, once started. */
    public Thread add(String name, Runnable body) {
        Thread thread = Thread.ofPlatform().daemon().name(name).unstarted(() -> {
            try {
                body.run();
            } catch (Throwable failure) {
                firstFailure.compareAndSet(null, failure);
            }
        });
        threads.add(thread);
        return thread;
    }

    /** Whether a worker has failed so far: a scenario waiting for a worker's progress can stop waiting then. */
    public boolean anyFailed() {
        return firstFailure.get() != null;
    }

    /** Starts every worker not started yet. */
    public Workers startAll() {
        threads.stream().filter(thread -> thread.getState() == Thread.State.NEW).forEach(Thread::start);
        return this;
    }

    /**
     * Waits until every worker has finished, {@code limit} in all; then rethrows the first failure of any, so that a
     * scenario never judges a run in which a worker crashed.
     *
     * @throws IllegalStateException naming the first worker still running at the limit — with the first failure, which
     *         is often why the others hang, attached — or carrying the first failure
     */
    public void awaitAll(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread thread : threads) {
            if (!thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                IllegalStateException stuck = new IllegalStateException(
                        thread.getName() + " did not finish within " + limit.toMillis() + " ms");
                if (firstFailure.get() != null) {
                    stuck.addSuppressed(firstFailure.get());
                }
                // Asked to stop, so that a worker that answers interrupts does not outlive its scenario.
                threads.forEach(Thread::interrupt);
                throw stuck;
            }
        }
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException("a worker failed: " + failure, failure);
        }
    }
}
