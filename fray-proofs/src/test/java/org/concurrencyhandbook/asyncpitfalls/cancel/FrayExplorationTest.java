package org.concurrencyhandbook.asyncpitfalls.cancel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * 4.8 under Fray, with no hint of when: the export of the scenario's rows starts, and the caller cancels it once its
 * first row has begun — the pitfall is about work already running (cancelled before it starts, a
 * {@code CompletableFuture}'s task is skipped, observed). How many rows have been written by then, and which one is in
 * progress, is Fray's choice. The invariant: after {@code cancel()} has returned, at most the row in progress is
 * written. (Not the scenario's other half, that the export says it was cancelled: here the cancel may come after the
 * last row, and a future that has completed rightly refuses it.) The
 * rows' writer answers interrupts as it begins a row, as the scenario's does while it waits; and a second row begun
 * after the cancel is the failure, recorded, and refused with an {@code InterruptedException} so that the work ends.
 * The caller's two waits — for the first row, then for a second row after the cancel — have a time-out, which Fray
 * lets run out only once no other thread can run: once the export's work has ended, or where Fray cannot run it.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "4.8";
    private static final long UNTIL_NOTHING_ELSE_RUNS_SECONDS = 1;

    /**
     * The recommended executor's {@code Future} runs its task on a virtual thread, which Fray 0.9.2 cannot run (4.6):
     * asserted, so that the day it can, the fix is explored here.
     */
    static Stream<Fix<Supplier<Exporter>>> rightFixesOnVirtualThreads() {
        return CancelTest.rightFixes();
    }

    private static Runnable cancelledWhileRunning(Supplier<Exporter> opener) {
        return () -> {
            AtomicBoolean cancelReturned = new AtomicBoolean();
            AtomicInteger rowsAfterTheCancel = new AtomicInteger();
            CountDownLatch secondRowAfterTheCancel = new CountDownLatch(1);
            CountDownLatch exportRunning = new CountDownLatch(1);
            try (Exporter exporter = opener.get()) {
                Exporter.Export export = exporter.start(Scenario.ROWS, row -> {
                    exportRunning.countDown();
                    if (Thread.interrupted()) {
                        throw new InterruptedException("the destination's wait answered the interrupt");
                    }
                    if (cancelReturned.get() && rowsAfterTheCancel.incrementAndGet() > 1) {
                        secondRowAfterTheCancel.countDown();
                        throw new InterruptedException("refused: a second row begun after the cancel");
                    }
                });
                exportRunning.await(UNTIL_NOTHING_ELSE_RUNS_SECONDS, TimeUnit.SECONDS);
                export.cancel();
                cancelReturned.set(true);
                assertThat(secondRowAfterTheCancel.await(UNTIL_NOTHING_ELSE_RUNS_SECONDS, TimeUnit.SECONDS))
                        .as("a second row begun after cancel() had returned").isFalse();
            } catch (InterruptedException e) {
                throw new IllegalStateException("the caller was interrupted", e);
            }
        };
    }

    @Test
    void frayFindsTheWorkThatGoesOn(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, cancelledWhileRunning(BadExample::new),
                "a row begun after cancel() had returned, in every order");
    }

    @Test
    void frayFindsATemptingWrongFix(TestReporter reporter) {
        Fix<Supplier<Exporter>> fix = OtherExporters.OWN_EXECUTOR;
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, cancelledWhileRunning(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, cancelledWhileRunning(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixesOnVirtualThreads")
    void frayCannotRunTheRecommendedFix(Fix<Supplier<Exporter>> fix) {
        ExplorationProof.fixCannotRun(PITFALL, fix, cancelledWhileRunning(fix.make()));
    }
}
