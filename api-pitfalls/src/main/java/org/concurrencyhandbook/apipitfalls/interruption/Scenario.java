package org.concurrencyhandbook.apipitfalls.interruption;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every worker runs: a single-thread executor runs it on an inbox; {@value #MESSAGES} messages come and
 * are handled; once the worker waits for the next one, {@code shutdownNow()} interrupts it, and the executor is given
 * {@code GRACE} (1 s) to terminate — a worker that hears the interrupt ends in well under a millisecond, so one still
 * running then does not mean to stop: the one timed judgment, with a margin of thousands. Then one more message is
 * sent, to see whether anyone still serves the inbox. The invariant: the executor terminates, and no message is
 * handled after {@code shutdownNow()}.
 *
 * <p>A worker that ignores interrupts can only be ended through what it calls: when the scenario ends, the inbox is
 * closed — its last message makes the handler throw, and any later {@code take} or {@code poll} throws — with an
 * {@code Error}, which a worker catching {@code InterruptedException}, or even {@code Exception}, lets through. So
 * nothing outlives the run; a worker that caught {@code Throwable} and went on could not be ended from inside the JVM
 * at all, and the scenario would say so.
 */
final class Scenario {

    static final int MESSAGES = 3;
    static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String LAST_WORD = "the scenario is over";

    private Scenario() {
    }

    /**
     * Whether the executor terminated after {@code shutdownNow()}, how soon, where the worker waited instead, and how
     * many messages it handled after it was asked to stop.
     */
    record Outcome(int handledBefore, boolean terminated, long stoppedAfterMicros, String stillWaitingIn,
                   int handledAfterShutdown) {
        Verdict verdict() {
            return terminated && handledAfterShutdown == 0 ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    /**
     * Thrown by the handler at the scenario's last message, to end a worker that would not stop otherwise: an
     * {@code Error}, which not even a {@code catch (Exception e)} holds back.
     */
    private static final class ScenarioOver extends Error {
        ScenarioOver() {
            super(LAST_WORD, null, false, false);
        }
    }

    static Outcome run(Supplier<InboxWorker> hire) throws InterruptedException {
        InboxWorker worker = hire.get();
        Inbox inbox = new Inbox();
        AtomicInteger handled = new AtomicInteger();
        CountDownLatch firstMessagesHandled = new CountDownLatch(MESSAGES);
        CountDownLatch lateMessageHandled = new CountDownLatch(1);
        AtomicReference<Thread> poolThread = new AtomicReference<>();
        Consumer<String> handler = message -> {
            if (message.equals(LAST_WORD)) {
                throw new ScenarioOver();
            }
            (handled.incrementAndGet() > MESSAGES ? lateMessageHandled : firstMessagesHandled).countDown();
        };
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = Thread.ofPlatform().daemon().name("inbox worker").unstarted(task);
            poolThread.set(thread);
            return thread;
        });
        try {
            executor.submit(() -> {
                worker.serve(inbox, handler);
                return null;
            });
            for (int m = 1; m <= MESSAGES; m++) {
                inbox.put("message " + m);
            }
            Await.opened(firstMessagesHandled, PATIENCE, "the worker did not handle the first messages");
            Thread thread = poolThread.get();
            // Waiting for the next message, with a time-out or without: nothing else in its loop waits.
            Await.arrivedOrBlocked(List.of(thread), t -> t.getState() == Thread.State.TIMED_WAITING, PATIENCE);
            long askedAt = System.nanoTime();
            executor.shutdownNow();
            boolean terminated = executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            long stoppedAfterMicros = (System.nanoTime() - askedAt) / 1_000;
            String stillWaitingIn = terminated ? "" : (thread.getState() == Thread.State.RUNNABLE ? "running, in "
                    : "waiting in ") + StallDetector.waitingIn(thread);
            inbox.put("a message sent after shutdownNow()");
            if (!terminated) {
                lateMessageHandled.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            return new Outcome(MESSAGES, terminated, stoppedAfterMicros, stillWaitingIn, handled.get() - MESSAGES);
        } finally {
            executor.shutdownNow();
            inbox.close();
            if (!executor.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                // Thrown only if nothing else is on its way out: the first failure is the one to read.
                throw new IllegalStateException("the worker outlived even the inbox's closing");
            }
        }
    }

    /**
     * The worker's inbox. Once closed, taking from it throws {@link ScenarioOver}, and a last message wakes a worker
     * that waits in it: the one way to end a worker that will not hear an interrupt.
     */
    private static final class Inbox extends LinkedBlockingQueue<String> {
        private volatile boolean closed;

        void close() throws InterruptedException {
            closed = true;
            put(LAST_WORD);
        }

        @Override
        public String take() throws InterruptedException {
            endIfClosed();
            return super.take();
        }

        @Override
        public String poll(long timeout, TimeUnit unit) throws InterruptedException {
            endIfClosed();
            return super.poll(timeout, unit);
        }

        private void endIfClosed() {
            if (closed) {
                throw new ScenarioOver();
            }
        }
    }

    static Verdict demonstrate(String example, Supplier<InboxWorker> hire) throws InterruptedException {
        Outcome outcome = run(hire);
        System.out.printf("3.9 Swallowed InterruptedException — %s%n", example);
        System.out.printf("An inbox worker on a single-thread executor handled %d messages and waited for the next;"
                + " then the executor was shut down with shutdownNow().%n", outcome.handledBefore());
        if (outcome.terminated()) {
            System.out.printf("The worker stopped %.3f ms after shutdownNow().%n", outcome.stoppedAfterMicros() / 1000.0);
        } else {
            System.out.printf("%d ms later the executor had not terminated: the worker was %s.%n", GRACE.toMillis(),
                    outcome.stillWaitingIn());
        }
        System.out.printf("Messages handled after shutdownNow(): %d.%n", outcome.handledAfterShutdown());
        if (outcome.verdict() == Verdict.FAILURE_SHOWN) {
            System.out.println("UNSTOPPABLE: the interrupt was caught and dropped, and the loop went on as if nobody had"
                    + " asked — only the demo's own last message ended it.");
        } else {
            System.out.println("The interrupt reached the loop, and the worker stopped at once.");
        }
        return outcome.verdict();
    }
}
