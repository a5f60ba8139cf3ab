package org.concurrencyhandbook.syncstate.readskew;

import java.util.Arrays;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** 1.4 under Fray, with no hint: a writer moves the band from 100–200 to 300–400 while a reader reads it once. */
@Timeout(120)
class FrayExplorationTest {

    /** The wrong fix whose race is on plain fields only: Fray has no point to switch threads at. */
    private static final String ON_PLAIN_FIELDS = "synchronized writer, unsynchronized reader";
    private static final String PITFALL = "1.4";

    static Stream<Fix<Scenario.BandOn>> wrongFixes() {
        return ReadSkewTest.wrongFixes().filter(fix -> !fix.name().equals(ON_PLAIN_FIELDS));
    }

    static Stream<Fix<Scenario.BandOn>> rightFixes() {
        return ReadSkewTest.rightFixes();
    }

    private static Runnable moveWhileReading(Scenario.BandOn bandOn) {
        return () -> {
            PriceBand band = bandOn.open(100, 200, () -> { });
            long[][] seen = new long[1][];
            Actors.runTogether(() -> band.moveTo(300, 400), () -> seen[0] = band.read());
            if (!Arrays.equals(seen[0], new long[] {100, 200}) && !Arrays.equals(seen[0], new long[] {300, 400})) {
                throw new AssertionError("read a band never set: " + Arrays.toString(seen[0]));
            }
        };
    }

    @Test
    void frayFindsAHalfMovedBand(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, moveWhileReading(BadExample::new), "a band half old, half new,"
                + " with no hint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Scenario.BandOn> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, moveWhileReading(fix.make()));
    }

    /** Its reader takes no lock and its fields are plain: nothing between the two writes lets Fray switch to it. */
    @Test
    void frayCannotSeeTheWrongFixOnPlainFields() {
        Fix<Scenario.BandOn> fix = ReadSkewTest.wrongFixes().filter(f -> f.name().equals(ON_PLAIN_FIELDS)).findFirst().orElseThrow();
        ExplorationProof.wrongFixUnseen(PITFALL, fix, moveWhileReading(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, moveWhileReading(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Scenario.BandOn> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, moveWhileReading(fix.make()));
    }
}
