package org.concurrencyhandbook.syncstate.nonatomic;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 1.6 under Fray, with no hint: two threads each record one hit on the same page; the total and the page's count must
 * both be two. Fray switches threads at every volatile, atomic and {@code ConcurrentHashMap} access, which is where
 * these counters race.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "1.6";

    static Stream<Fix<Supplier<HitCounter>>> wrongFixes() {
        return NonAtomicTest.wrongFixes();
    }

    static Stream<Fix<Supplier<HitCounter>>> rightFixes() {
        return NonAtomicTest.rightFixes();
    }

    private static Runnable twoHits(Supplier<HitCounter> counters) {
        return () -> {
            HitCounter counter = counters.get();
            Actors.runTogether(() -> counter.hit("/home"), () -> counter.hit("/home"));
            if (counter.total() != 2 || counter.hits("/home") != 2) {
                throw new AssertionError("a hit was lost: total " + counter.total() + ", /home " + counter.hits("/home"));
            }
        };
    }

    @Test
    void frayFindsTheLostHit(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, twoHits(BadExample::new), "a lost hit, with no hint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Supplier<HitCounter>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, twoHits(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, twoHits(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Supplier<HitCounter>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, twoHits(fix.make()));
    }
}
