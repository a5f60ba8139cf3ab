package org.concurrencyhandbook.asyncpitfalls.threadowned;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
 * 4.4 under Fray, with no hint: two requests, each in two stages — the first stages on one "stage-1" thread, the second
 * stages on one "stage-2" thread — with nothing holding any of them. No request may enter the section while another is
 * inside, each second stage must know its own request, and both requests must complete.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "4.4";

    static Stream<Fix<Supplier<RequestHandler>>> wrongFixes() {
        return Stream.of(OtherHandlers.INHERITABLE_THREAD_LOCAL);
    }

    static Stream<Fix<Supplier<RequestHandler>>> rightFixes() {
        return OtherHandlers.RIGHT_FIXES.stream();
    }

    private static Runnable twoRequestsInTwoStages(Supplier<RequestHandler> handlers) {
        return () -> {
            RequestHandler handler = handlers.get();
            AtomicInteger inside = new AtomicInteger();
            RequestHandler.Section section = new RequestHandler.Section() {
                @Override
                public void enter() {
                    if (inside.incrementAndGet() > 1) {
                        throw new AssertionError("entered while another request was inside");
                    }
                }

                @Override
                public String leave(String request) {
                    inside.decrementAndGet();
                    return request;
                }
            };
            try (ExecutorService first = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("stage-1").factory());
                 ExecutorService second = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("stage-2").factory())) {
                List<String> requests = List.of("request-1", "request-2");
                List<CompletableFuture<String>> answers = requests.stream()
                        .map(request -> handler.handle(request, first, second, section)).toList();
                List<String> left = answers.stream().map(CompletableFuture::join).toList();
                if (!left.equals(requests)) {
                    throw new AssertionError("the second stages left the section as " + left);
                }
            } catch (CompletionException failed) {
                throw new AssertionError("a request failed: " + failed.getCause(), failed.getCause());
            }
        };
    }

    @Test
    void frayFindsTheLockLeftByAnotherThread(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, twoRequestsInTwoStages(BadExample::new), "a lock taken in one stage"
                + " and released in another, on another thread, with no hint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Supplier<RequestHandler>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, twoRequestsInTwoStages(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, twoRequestsInTwoStages(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Supplier<RequestHandler>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, twoRequestsInTwoStages(fix.make()));
    }
}
