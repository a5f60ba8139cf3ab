package org.concurrencyhandbook.asyncpitfalls.callbackthread;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 4.9 under Fray, with no hint: the handler chains its parse onto a response that an "io-thread" completes at the same
 * time. Whether the chaining or the completion comes first is Fray's choice — and with {@code thenApply} it decides
 * which thread parses. The parse must run neither on the I/O thread nor on the common pool, the two threads the
 * section's quick tasks need free.
 *
 * <p>The recommended fix on virtual threads is not explored: Fray 0.9.2 does not run virtual threads (2.10's
 * exploration proves it).
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "4.9";

    static Stream<Fix<Supplier<ResponseHandler>>> wrongFixes() {
        return Stream.of(OtherHandlers.ASYNC_WITHOUT_EXECUTOR);
    }

    private static Runnable chainWhileTheResponseArrives(Supplier<ResponseHandler> handlers) {
        return () -> {
            CompletableFuture<String> response = new CompletableFuture<>();
            Thread io = Thread.ofPlatform().name("io-thread").start(() -> response.complete("{\"price\": 42}"));
            try (ResponseHandler handler = handlers.get()) {
                String parsedOn = handler.handle(response, body -> onTheCommonPool() ? "the common pool"
                        : Thread.currentThread().getName()).join();
                io.join();
                if (parsedOn.equals("io-thread") || parsedOn.equals("the common pool")) {
                    throw new AssertionError("parsed on " + parsedOn);
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException("the main thread was interrupted", e);
            }
        };
    }

    /** Under Fray the common pool's workers are not named as usual: asked of the pool itself. */
    private static boolean onTheCommonPool() {
        return Thread.currentThread() instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool();
    }

    @Test
    void frayFindsTheParseOnTheIoThread(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, chainWhileTheResponseArrives(BadExample::new), "the parse run on the"
                + " I/O thread when the response completed after thenApply was chained");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Supplier<ResponseHandler>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, chainWhileTheResponseArrives(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, chainWhileTheResponseArrives(GoodExample::new));
    }
}
