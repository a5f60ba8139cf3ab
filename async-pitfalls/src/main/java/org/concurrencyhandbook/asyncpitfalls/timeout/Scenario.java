package org.concurrencyhandbook.asyncpitfalls.timeout;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario every service runs: a caller asks for a price, and the backend never answers — the scenario holds it
 * until the end. The caller has {@code CALLER_LIMIT} (500 ms, two and a half times the service's 200 ms deadline)
 * to get an answer — the price or "unavailable", as the service promises; half a second later, the scenario counts the backend calls still in progress — calls whose answer nobody
 * will read. Then it lets the backend answer, so that nothing outlives the run. The invariant: the caller was answered within its
 * limit, as promised, and no backend call was left behind.
 */
final class Scenario {

    static final Duration CALLER_LIMIT = PriceService.DEADLINE.multipliedBy(5).dividedBy(2);
    static final Duration GRACE = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** What the caller got ("still waiting" if nothing), after how long, and the backend calls still in progress. */
    record Outcome(String callerGot, long answeredAfterMillis, int backendCallsLeftBehind) {
        boolean answered() {
            return !callerGot.equals("still waiting");
        }

        /** What the contract allows: the price, or "unavailable" — not an exception. */
        boolean answeredAsPromised() {
            return callerGot.equals("\"42.00\"") || callerGot.equals("\"unavailable\"");
        }

        Verdict verdict() {
            return answered() && answeredAsPromised() && backendCallsLeftBehind == 0
                    ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(PriceService.Opener opener) throws InterruptedException {
        CountDownLatch backendAnswers = new CountDownLatch(1);
        AtomicInteger inProgress = new AtomicInteger();
        AtomicReference<String> got = new AtomicReference<>("still waiting");
        AtomicLong answeredAt = new AtomicLong();
        Workers caller = new Workers();
        try (PriceService service = opener.open(item -> {
            inProgress.incrementAndGet();
            try {
                backendAnswers.await();
                return "42.00";
            } finally {
                inProgress.decrementAndGet();
            }
        })) {
            long askedAt = System.nanoTime();
            Thread callerThread = caller.add("caller", () -> {
                String answer;
                try {
                    answer = "\"" + service.priceOf("widget") + "\"";
                } catch (Exception failure) {
                    answer = "an exception, " + (failure.getCause() != null ? failure.getCause() : failure).getClass().getSimpleName();
                }
                answeredAt.set(System.nanoTime());
                got.set(answer);
            });
            caller.startAll();
            callerThread.join(CALLER_LIMIT);
            String callerGot = got.get();
            long answeredAfter = callerGot.equals("still waiting") ? -1 : (answeredAt.get() - askedAt) / 1_000_000;
            Thread.sleep(GRACE);
            int leftBehind = inProgress.get();
            backendAnswers.countDown();
            caller.awaitAll(PATIENCE);
            return new Outcome(callerGot, answeredAfter, leftBehind);
        } finally {
            backendAnswers.countDown();
        }
    }

    static Verdict demonstrate(String example, PriceService.Opener opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("4.10 No timeout — %s%n", example);
        System.out.printf("A caller asked for a price; the backend never answered. The service's deadline: %d ms.%n",
                PriceService.DEADLINE.toMillis());
        if (outcome.answered()) {
            System.out.printf("The caller got %s after %d ms%s.%n", outcome.callerGot(), outcome.answeredAfterMillis(),
                    outcome.answeredAsPromised() ? "" : " — not the price or \"unavailable\" the service promises");
        } else {
            System.out.printf("After %d ms the caller was still waiting.%n", CALLER_LIMIT.toMillis());
        }
        System.out.printf("Backend calls still in progress %d ms later, their answers wanted by nobody: %d.%n",
                GRACE.toMillis(), outcome.backendCallsLeftBehind());
        if (!outcome.answered()) {
            System.out.println("NO TIMEOUT: join() waits as long as the future takes — here, for ever. The demo let the"
                    + " backend answer at last.");
        } else if (outcome.backendCallsLeftBehind() > 0) {
            System.out.println("LEFT BEHIND: the caller was freed, and the work it gave up on runs on, holding a"
                    + " thread and a connection.");
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("The caller had its answer at the deadline, and nothing was left waiting for the backend.");
        }
        return outcome.verdict();
    }
}
