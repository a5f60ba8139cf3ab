package org.concurrencyhandbook.contentiondeadlock.poolstarvation;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 2.5 under Fray, with no hint: a pool of two threads builds two reports at once, each needing a chart built on the
 * same pool; both reports must be built.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "2.5";

    /**
     * Not explored: a timed {@code Future.get} on a pool thread under Fray 0.9.2 did not complete within the test's
     * 120 s here (observed once).
     */
    private static final String TIMED_GET = "Future.get(500 ms)";

    static Stream<Fix<BiFunction<ExecutorService, ReportBuilder.ReportStarted, ReportBuilder>>> wrongFixes() {
        return PoolStarvationTest.wrongFixes().filter(fix -> !fix.name().equals(TIMED_GET));
    }

    private static Runnable twoReports(BiFunction<ExecutorService, ReportBuilder.ReportStarted, ReportBuilder> builderOn) {
        return () -> {
            ExecutorService pool = Executors.newFixedThreadPool(Scenario.POOL_SIZE);
            try {
                ReportBuilder builder = builderOn.apply(pool, () -> { });
                List<CompletableFuture<String>> reports = List.of(builder.build(1), builder.build(2));
                for (CompletableFuture<String> report : reports) {
                    try {
                        report.join();
                    } catch (CompletionException failed) {
                        throw new AssertionError("a report was not built: " + failed.getCause(), failed);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        };
    }

    @Test
    void frayFindsThePoolWaitingForItself(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, twoReports(BadExample::new), "both pool threads waiting for charts"
                + " queued behind them, with every blocked thread's stack");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<BiFunction<ExecutorService, ReportBuilder.ReportStarted, ReportBuilder>> fix,
                                    TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, twoReports(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, twoReports(GoodExample::new));
    }
}
