package org.concurrencyhandbook.asyncpitfalls.eventloop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every service runs: {@link #QUOTES} quote requests — the common pool's parallelism plus eight, so that
 * they outnumber the common pool and any small loop — each blocking in the backend, which the scenario holds open. Once the first backend
 * call has begun, two quick tasks come: the service's own ping, and, elsewhere in the same JVM, a task on the common
 * pool, as any {@code supplyAsync} without an executor is. Both take microseconds; they get {@code GRACE} (1 s) to
 * finish while the backend is still held — the one timed judgment, with a margin of thousands — and then the backend
 * answers. The invariant: the quick work finished while the backend calls were still out, and every quote came back.
 */
final class Scenario {

    static final int QUOTES = ForkJoinPool.getCommonPoolParallelism() + 8;
    static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /**
     * Whether the ping and the common-pool task finished while the backend was held, how long each took, and how many
     * quotes came back once it answered.
     */
    record Outcome(boolean pingHeldUp, double pingMillis, boolean commonPoolTaskHeldUp, double commonPoolTaskMillis,
                   int quotesAnswered) {
        Verdict verdict() {
            return !pingHeldUp && !commonPoolTaskHeldUp && quotesAnswered == QUOTES
                    ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Function<QuoteService.Backend, QuoteService> opener) throws InterruptedException {
        CountDownLatch firstCallBegun = new CountDownLatch(1);
        CountDownLatch backendAnswers = new CountDownLatch(1);
        QuoteService service = opener.apply(symbol -> {
            firstCallBegun.countDown();
            Await.opened(backendAnswers, PATIENCE, "the scenario never let the backend answer");
            return "101.50";
        });
        try {
            List<CompletableFuture<String>> quotes = new ArrayList<>();
            for (int q = 1; q <= QUOTES; q++) {
                quotes.add(service.quote("SYM" + q));
            }
            Await.opened(firstCallBegun, PATIENCE, "no quote reached the backend");
            long askedAt = System.nanoTime();
            AtomicLong pingDoneAt = new AtomicLong();
            AtomicLong taskDoneAt = new AtomicLong();
            CompletableFuture<String> ping = service.ping().whenComplete((answer, failure) -> pingDoneAt.set(System.nanoTime()));
            CompletableFuture<String> commonPoolTask = CompletableFuture.supplyAsync(() -> "tick")
                    .whenComplete((answer, failure) -> taskDoneAt.set(System.nanoTime()));
            boolean bothInTime = Await.completed(CompletableFuture.allOf(ping, commonPoolTask), GRACE);
            boolean pingHeldUp = !bothInTime && !ping.isDone();
            boolean taskHeldUp = !bothInTime && !commonPoolTask.isDone();
            backendAnswers.countDown();
            Await.completed(CompletableFuture.allOf(ping, commonPoolTask), PATIENCE);
            int answered = 0;
            for (CompletableFuture<String> quote : quotes) {
                answered += Await.completed(quote, PATIENCE) ? 1 : 0;
            }
            return new Outcome(pingHeldUp, millis(pingDoneAt.get() - askedAt), taskHeldUp,
                    millis(taskDoneAt.get() - askedAt), answered);
        } finally {
            backendAnswers.countDown();
            service.close();
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    static Verdict demonstrate(String example, Function<QuoteService.Backend, QuoteService> opener)
            throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("4.1 Blocking the event loop — %s%n", example);
        System.out.printf("%d quote requests, each calling a backend held open; then a ping to the service, and a task on"
                + " the common pool elsewhere in the JVM.%n", QUOTES);
        System.out.printf("The ping was answered after %.1f ms%s; the common-pool task finished after %.1f ms%s.%n",
                outcome.pingMillis(), outcome.pingHeldUp() ? ", when the backend answered" : "",
                outcome.commonPoolTaskMillis(), outcome.commonPoolTaskHeldUp() ? ", when the backend answered" : "");
        System.out.printf("Quotes answered once the backend replied: %d of %d.%n", outcome.quotesAnswered(), QUOTES);
        if (outcome.pingHeldUp()) {
            System.out.println("LOOP BLOCKED: the service's loop thread waited in the backend, and the ping waited"
                    + " behind it — held up by a call it does not need.");
        }
        if (outcome.commonPoolTaskHeldUp()) {
            System.out.printf("COMMON POOL BLOCKED: its %d worker(s) waited in the backend, and unrelated work waited"
                    + " behind them.%n", ForkJoinPool.getCommonPoolParallelism());
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("The quick work never waited for the backend.");
        }
        return outcome.verdict();
    }
}
