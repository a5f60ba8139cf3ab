package org.concurrencyhandbook.syncstate.nonatomic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.Exploration;
import org.concurrencyhandbook.testkit.Evidence;
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

    static Stream<Fix<Supplier<HitCounter>>> wrongFixes() {
        return Stream.of(Fix.of("AtomicInteger total, map get-then-put", OtherCounters.AtomicTotalGetThenPut::new),
                Fix.of("volatile total, map merge", OtherCounters.VolatileTotalMerge::new),
                Fix.of("synchronizedMap get-then-put", OtherCounters.SynchronizedMapGetThenPut::new));
    }

    static Stream<Fix<Supplier<HitCounter>>> rightFixes() {
        return Stream.of(Fix.of("one synchronized hit", OtherCounters.SynchronizedHit::new),
                Fix.of("LongAdders", OtherCounters.LongAdders::new));
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
    void frayFindsTheLostHitAndItsRecordingReplaysIt(TestReporter reporter) {
        Exploration.Result result = Exploration.explore("1.6-BadExample", Exploration.FIND_WITHIN, twoHits(BadExample::new));

        assertThat(result.failure()).as(result.toString()).isPresent();
        Exploration.Failure failure = result.failure().orElseThrow();
        assertThat(failure.thrown()).isInstanceOf(AssertionError.class);
        assertThat(Exploration.replay(failure.recording(), twoHits(BadExample::new))).as("the saved schedule, replayed")
                .isInstanceOf(AssertionError.class).hasMessage(failure.thrown().getMessage());
        Evidence.badShowed(reporter, "Fray found it in schedule %d (step %d): %s; replayed from %s", failure.schedule(),
                failure.step(), failure.thrown().getMessage(), failure.recording());
        Evidence.detected(reporter, "Fray", true, "a lost hit, in one of its first schedules, with no hint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsTheLostHitInATemptingWrongFix(Fix<Supplier<HitCounter>> fix, TestReporter reporter) {
        Exploration.Result result = Exploration.explore("1.6-" + fix.name(), Exploration.FIND_WITHIN, twoHits(fix.make()));

        assertThat(result.failure()).as(result.toString()).isPresent();
        Evidence.wrongFixCaught(reporter, fix, "Fray found a lost hit in schedule %d", result.schedules());
    }

    @Test
    void theGoodExampleSurvivesEverySchedule(TestReporter reporter) {
        Exploration.Result result = Exploration.explore("1.6-GoodExample", Exploration.SURVIVE, twoHits(GoodExample::new));

        assertThat(result.failure()).as(result.toString()).isEmpty();
        assertThat(result.schedules()).isEqualTo(Exploration.SURVIVE);
        Evidence.goodHeld(reporter, "no hit lost in %d schedules", result.schedules());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvivesEverySchedule(Fix<Supplier<HitCounter>> fix, TestReporter reporter) {
        Exploration.Result result = Exploration.explore("1.6-" + fix.name(), Exploration.SURVIVE, twoHits(fix.make()));

        assertThat(result.failure()).as(result.toString()).isEmpty();
        Evidence.rightFixHeld(reporter, fix, "no hit lost in %d schedules", result.schedules());
    }
}
