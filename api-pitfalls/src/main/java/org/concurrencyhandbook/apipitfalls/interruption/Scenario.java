package org.concurrencyhandbook.apipitfalls.interruption;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
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
 * <p>A worker that ignores interrupts can only be ended by its own code: the scenario's last message makes the handler
 * throw an {@code Error}, which ends any worker that catches only exceptions — so nothing outlives the run.
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
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
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
            // Waiting for the next message: nothing else in its loop waits.
            Await.arrivedOrBlocked(List.of(thread), t -> false, PATIENCE);
            long askedAt = System.nanoTime();
            executor.shutdownNow();
            boolean terminated = executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            long stoppedAfterMicros = (System.nanoTime() - askedAt) / 1_000;
            String stillWaitingIn = terminated ? "" : StallDetector.waitingIn(thread);
            inbox.put("a message sent after shutdownNow()");
            if (!terminated) {
                lateMessageHandled.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            return new Outcome(MESSAGES, terminated, stoppedAfterMicros, stillWaitingIn, handled.get() - MESSAGES);
        } finally {
            inbox.put(LAST_WORD);
            if (!executor.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the worker outlived even the handler's last word");
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
            System.out.printf("%d ms later the executor had not terminated: the worker was waiting for mail again, in"
                    + " %s.%n", GRACE.toMillis(), outcome.stillWaitingIn());
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
