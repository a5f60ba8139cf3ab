package org.concurrencyhandbook.asyncpitfalls.cancel;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every exporter runs: an export of {@value #ROWS} rows, each row waiting for the scenario's go-ahead.
 * The scenario lets {@value #BEFORE_CANCEL} rows through, waits until the export waits for the next, cancels it, and
 * then lets every remaining row through at once: work that still runs writes them in microseconds. After
 * {@code GRACE} (1 s) — the one timed judgment, with a margin of thousands — it counts the rows written after the
 * cancel. The invariant: at most the row in progress when the cancel came, and the export says it was cancelled.
 */
final class Scenario {

    static final int ROWS = 10;
    static final int BEFORE_CANCEL = 3;
    static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** Rows written before and after the cancel, and whether the export said it was cancelled. */
    record Outcome(int writtenBefore, int writtenAfter, boolean saidCancelled) {
        Verdict verdict() {
            return writtenAfter <= 1 && saidCancelled ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Supplier<Exporter> opener) throws InterruptedException {
        Semaphore goAhead = new Semaphore(0);
        AtomicInteger written = new AtomicInteger();
        Semaphore rowWaiting = new Semaphore(0);
        try (Exporter exporter = opener.get(); ReleaseAll releaseAll = () -> goAhead.release(ROWS)) {
            Exporter.Export export = exporter.start(ROWS, row -> {
                rowWaiting.release();
                goAhead.acquire();
                written.incrementAndGet();
            });
            for (int row = 1; row <= BEFORE_CANCEL; row++) {
                awaitRowWaiting(rowWaiting);
                goAhead.release();
            }
            awaitRowWaiting(rowWaiting);
            int before = written.get();
            export.cancel();
            boolean saidCancelled = export.isCancelled();
            goAhead.release(ROWS);
            Thread.sleep(GRACE);
            return new Outcome(before, written.get() - before, saidCancelled);
        }
    }

    /** However the run ends, every row is let through, so that no export waits for ever. */
    @FunctionalInterface
    private interface ReleaseAll extends AutoCloseable {
        @Override
        void close();
    }

    private static void awaitRowWaiting(Semaphore rowWaiting) throws InterruptedException {
        if (!rowWaiting.tryAcquire(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the export never came to its next row");
        }
    }

    static Verdict demonstrate(String example, Supplier<Exporter> opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("4.8 A cancel that does not cancel — %s%n", example);
        System.out.printf("An export of %d rows; after row %d, while it waited for row %d, it was cancelled: isCancelled()"
                + " said %s.%n", ROWS, outcome.writtenBefore(), outcome.writtenBefore() + 1, outcome.saidCancelled());
        System.out.printf("Rows written after the cancel: %d.%n", outcome.writtenAfter());
        if (outcome.writtenAfter() > 1) {
            System.out.println("NOT CANCELLED: the future was marked cancelled, and the work behind it ran to the end.");
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("The export stopped where it was.");
        }
        return outcome.verdict();
    }
}
