package org.concurrencyhandbook.syncstate.publication;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
 * 1.9 under Fray, with no hint: two requests, each counted on arrival (an atomic counter, as a server's metrics are),
 * ask for the configuration, read from a settings store that locks on each read (a synchronized map); each must get a
 * complete one. Without the counter Fray found nothing in 2,000 schedules: the reader's lock-free fast path holds no
 * synchronization point at which Fray could hold it back until the object is published.
 *
 * <p>Fray finds the BadExample's object published before it is filled — an interleaving, through the settings reads
 * between the publication and the setters. It cannot find the wrong fix that fills first and publishes through a plain
 * field: that one fails only by reordering, which needs a weak memory model (jcstress shows it, PublicationTest).
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "1.9";

    static Stream<Fix<Function<LazyConfig.Settings, LazyConfig>>> wrongFixes() {
        return PublicationTest.wrongFixesTheSeamCatches();
    }

    static Stream<Fix<Function<LazyConfig.Settings, LazyConfig>>> rightFixes() {
        return PublicationTest.rightFixes();
    }

    private static Runnable twoReaders(Function<LazyConfig.Settings, LazyConfig> holderOn) {
        return () -> {
            Map<String, Integer> store = Collections.synchronizedMap(new HashMap<>(Map.of("port", 8080, "threads", 4,
                    "timeoutMillis", 500)));
            LazyConfig holder = holderOn.apply(store::get);
            AtomicInteger requests = new AtomicInteger();
            Runnable reader = () -> {
                requests.incrementAndGet();
                Config config = holder.get();
                if (config == null || !config.isComplete()) {
                    throw new AssertionError("handed out half built: " + config);
                }
            };
            Actors.runTogether(reader, reader);
        };
    }

    @Test
    void frayFindsTheHalfBuiltConfiguration(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, twoReaders(BadExample::new), "the configuration handed out before it"
                + " is filled, with no hint; not the reordering of a field filled first (no weak memory model)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Function<LazyConfig.Settings, LazyConfig>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, twoReaders(fix.make()));
    }

    /** Its failure is a reordering, not an interleaving: under Fray it survives as a good one must. */
    @Test
    void frayCannotSeeTheFixThatFailsOnlyByReordering() {
        ExplorationProof.survive(PITFALL + "-filled first, field left plain", Exploration.SURVIVE,
                twoReaders(OtherHolders.FilledFirstButPlain::new));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, twoReaders(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Function<LazyConfig.Settings, LazyConfig>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, twoReaders(fix.make()));
    }
}
