package org.concurrencyhandbook.syncstate.thisescape;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario both examples run: 100 greenhouse displays are opened on a feed whose dispatcher thread greets every
 * new subscriber with the latest reading, 21.5 °C, and the subscription returns once that greeting has been delivered.
 * Each display must then show {@code "Greenhouse N: 21.5 °C"}.
 *
 * <p>No timing is involved: a display that subscribes before its fields are set is called back, on the feed's thread,
 * while its constructor waits in {@code subscribe} — every time.
 */
final class Scenario {

    static final int DISPLAYS = 100;
    static final double LATEST = 21.5;
    private static final long PATIENCE_SECONDS = 10;

    private Scenario() {
    }

    @FunctionalInterface
    interface DisplayOn {
        Feed.Display open(Feed feed, String label, String unit);
    }

    /** How many displays showed the reading in full, and the first one that did not. */
    record Outcome(int displays, int halfBuilt, String firstHalfBuilt) {
        Verdict verdict() {
            return halfBuilt > 0 ? Verdict.FAILURE_SHOWN : Verdict.INVARIANT_HELD;
        }
    }

    static Outcome run(DisplayOn displayOn) throws InterruptedException {
        ExecutorService dispatcher = Executors.newSingleThreadExecutor(task -> Thread.ofPlatform().daemon().name("feed-dispatcher").unstarted(task));
        try {
            Feed feed = display -> {
                try {
                    dispatcher.submit(() -> display.onReading(LATEST)).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException | ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("the feed could not greet its new subscriber", e);
                }
            };
            int halfBuilt = 0;
            String firstHalfBuilt = null;
            for (int d = 1; d <= DISPLAYS; d++) {
                String label = "Greenhouse " + d;
                Feed.Display display = displayOn.open(feed, label, "°C");
                if (!(label + ": " + LATEST + " °C").equals(display.shown())) {
                    halfBuilt++;
                    firstHalfBuilt = firstHalfBuilt == null ? "\"" + display.shown() + "\"" : firstHalfBuilt;
                }
            }
            return new Outcome(DISPLAYS, halfBuilt, firstHalfBuilt);
        } finally {
            dispatcher.shutdownNow();
            dispatcher.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS);
        }
    }

    static Verdict demonstrate(String example, DisplayOn displayOn) throws InterruptedException {
        Outcome outcome = run(displayOn);
        System.out.printf("1.10 this escaping the constructor — %s%n", example);
        System.out.printf("%d displays subscribed to a feed that greets each new subscriber with %.1f °C on its own"
                + " thread.%n", outcome.displays(), LATEST);
        if (outcome.verdict() == Verdict.FAILURE_SHOWN) {
            System.out.printf("HALF-BUILT: %d of %d displays show %s — the feed called them before their constructors"
                    + " had finished.%n", outcome.halfBuilt(), outcome.displays(), outcome.firstHalfBuilt());
        } else {
            System.out.printf("All %d displays show their label and \"%.1f °C\".%n", outcome.displays(), LATEST);
        }
        return outcome.verdict();
    }
}
