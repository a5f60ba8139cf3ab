package org.concurrencyhandbook.syncstate.thisescape;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.Exploration;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 1.10 under Fray: a display opens on the section's feed, which greets every new subscriber with the latest reading on
 * its dispatcher thread before {@code subscribe} returns. The display must show the whole reading. The bad display
 * fails in every schedule — the greeting comes while its constructor waits in {@code subscribe} — so Fray finds it in
 * the first, as any run would.
 *
 * <p>What Fray does not find is the same escape to a publisher running beside the constructor: after
 * {@code subscribe(this)} the fields are written with plain stores, and nothing between gives Fray a point at which
 * to run the publisher there. Asserted too, as the limit it is.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "1.10";
    private static final String WHOLE = "Greenhouse 1: " + Scenario.LATEST + " °C";

    static Stream<Fix<Scenario.DisplayOn>> rightFixes() {
        return ThisEscapeTest.rightFixes();
    }

    private static Runnable openOnAGreetingFeed(Scenario.DisplayOn displayOn) {
        return () -> {
            try (ExecutorService dispatcher = Executors.newSingleThreadExecutor()) {
                Feed feed = display -> {
                    try {
                        dispatcher.submit(() -> display.onReading(Scenario.LATEST)).get();
                    } catch (InterruptedException | ExecutionException e) {
                        throw new IllegalStateException("the feed could not greet its new subscriber", e);
                    }
                };
                String shown = displayOn.open(feed, "Greenhouse 1", "°C").shown();
                if (!WHOLE.equals(shown)) {
                    throw new AssertionError("the display shows \"" + shown + "\"");
                }
            }
        };
    }

    private static Runnable openWhileAPublisherRuns(Scenario.DisplayOn displayOn) {
        return () -> {
            List<Feed.Display> subscribers = new CopyOnWriteArrayList<>();
            Feed feed = subscribers::add;
            Feed.Display[] opened = new Feed.Display[1];
            Actors.runTogether(() -> opened[0] = displayOn.open(feed, "Greenhouse 1", "°C"),
                    () -> subscribers.forEach(display -> display.onReading(Scenario.LATEST)));
            String shown = opened[0].shown();
            if (shown != null && !shown.equals(WHOLE)) {
                throw new AssertionError("the display shows \"" + shown + "\"");
            }
        };
    }

    @Test
    void frayFindsTheHalfBuiltDisplay(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, openOnAGreetingFeed(BadExample::open), "a display greeted before its"
                + " constructor set its fields — in every order; not beside a publisher, where only plain stores race");
    }

    @Test
    void frayDoesNotSeeTheEscapeToAPublisherRunningBeside() {
        ExplorationProof.survive(PITFALL + "-BadExample-beside-a-publisher", Exploration.SURVIVE,
                openWhileAPublisherRuns(BadExample::open));
    }

    @Test
    void frayFindsTheSubclassHalfBuilt(TestReporter reporter) {
        Fix<Scenario.DisplayOn> fix = Fix.of("subscribe(this) on the constructor's last line, class extended",
                OtherDisplays.OneDecimalOnLastLine::new);
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, openOnAGreetingFeed(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, openOnAGreetingFeed(GoodExample::open));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Scenario.DisplayOn> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, openOnAGreetingFeed(fix.make()));
    }
}
