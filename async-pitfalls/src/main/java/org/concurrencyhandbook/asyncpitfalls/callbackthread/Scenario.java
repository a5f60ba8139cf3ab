package org.concurrencyhandbook.asyncpitfalls.callbackthread;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every handler runs: the handler is given a response that an "io-thread" will complete, and a parse
 * the scenario holds open once it has begun. While the parse is held, two quick tasks come: one for the I/O thread,
 * and, elsewhere in the JVM, one on the common pool. Both take microseconds; they get {@code GRACE} (1 s) while the
 * parse is still held — the one timed judgment, with a margin of thousands — and then the parse finishes. The
 * invariant: neither quick task waited for the parse, and the report came out.
 */
final class Scenario {

    static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** Which thread ran the parse; whether each quick task waited for it; whether the report came out. */
    record Outcome(String parsedOn, boolean ioTaskHeldUp, boolean commonPoolTaskHeldUp, boolean reported) {
        Verdict verdict() {
            return !ioTaskHeldUp && !commonPoolTaskHeldUp && reported ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Supplier<ResponseHandler> opener) throws InterruptedException {
        ExecutorService io = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("io-thread").factory());
        CountDownLatch parseBegun = new CountDownLatch(1);
        CountDownLatch parseMayEnd = new CountDownLatch(1);
        AtomicReference<String> parsedOn = new AtomicReference<>("nowhere");
        try (ResponseHandler handler = opener.get()) {
            CompletableFuture<String> response = new CompletableFuture<>();
            CompletableFuture<String> report = handler.handle(response, body -> {
                parsedOn.set(Thread.currentThread().getName());
                parseBegun.countDown();
                Await.opened(parseMayEnd, PATIENCE, "the scenario never let the parse end");
                return "report of " + body;
            });
            io.execute(() -> response.complete("a response"));
            Await.opened(parseBegun, PATIENCE, "the parse never began");
            CompletableFuture<String> ioTask = CompletableFuture.supplyAsync(() -> "tick", io);
            CompletableFuture<String> commonPoolTask = CompletableFuture.supplyAsync(() -> "tick");
            boolean bothInTime = Await.completed(CompletableFuture.allOf(ioTask, commonPoolTask), GRACE);
            boolean ioHeldUp = !bothInTime && !ioTask.isDone();
            boolean poolHeldUp = !bothInTime && !commonPoolTask.isDone();
            parseMayEnd.countDown();
            boolean reported = Await.completed(report, PATIENCE);
            return new Outcome(parsedOn.get(), ioHeldUp, poolHeldUp, reported);
        } finally {
            parseMayEnd.countDown();
            io.shutdownNow();
        }
    }

    static Verdict demonstrate(String example, Supplier<ResponseHandler> opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("4.9 Callbacks on the wrong thread — %s%n", example);
        System.out.printf("An io-thread completed a response; the heavy parse registered on it ran on \"%s\".%n",
                outcome.parsedOn());
        System.out.printf("While the parse ran: a quick task for the io-thread %s; a quick task on the common pool %s.%n",
                outcome.ioTaskHeldUp() ? "waited for it" : "ran at once",
                outcome.commonPoolTaskHeldUp() ? "waited for it" : "ran at once");
        if (outcome.ioTaskHeldUp()) {
            System.out.println("I/O THREAD HELD: the callback ran on the thread that completed the future, and nothing"
                    + " else ran there until it ended.");
        }
        if (outcome.commonPoolTaskHeldUp()) {
            System.out.println("COMMON POOL HELD: the callback moved to the common pool, and held its worker instead.");
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("The completing thread was free again at once, and so was the common pool.");
        }
        return outcome.verdict();
    }
}
