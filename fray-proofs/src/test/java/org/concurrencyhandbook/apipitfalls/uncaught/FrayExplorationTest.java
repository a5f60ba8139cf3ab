package org.concurrencyhandbook.apipitfalls.uncaught;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 3.4 under Fray, with no hint: the three exports of the scenario, started with no gate — when each runs, and when it
 * throws, is Fray's choice; every failure must have been thrown and have reached the caller by the time it is
 * answered. Fray also reports, as the schedule's failure, an exception that ends a thread with no handler to receive
 * it — which is the pitfall's thread half, and the symptom its tests accept when it is one of the exports' own.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "3.4";

    static Stream<Fix<NightlyExports>> wrongFixes() {
        return UncaughtExceptionsTest.wrongFixes();
    }

    static Stream<Fix<NightlyExports>> rightFixesFrayAccepts() {
        return UncaughtExceptionsTest.rightFixes().filter(fix -> fix != UncaughtExceptionsTest.AFTER_EXECUTE);
    }

    private static boolean anExportsOwn(Throwable thrown) {
        return thrown instanceof IllegalStateException && Scenario.FAILS_WITH.containsValue(thrown.getMessage());
    }

    private static Runnable theNight(NightlyExports exports) {
        return () -> {
            Set<Throwable> thrown = ConcurrentHashMap.newKeySet();
            List<Runnable> small = Scenario.SMALL_EXPORTS.stream().map(name -> export(name, thrown)).toList();
            List<Throwable> reported;
            try {
                reported = exports.runAll(export(Scenario.BIG_EXPORT, thrown), small);
            } catch (InterruptedException e) {
                throw new IllegalStateException("the caller was interrupted", e);
            }
            assertThat(thrown).as("the failures thrown by the time the caller was answered")
                    .hasSize(Scenario.FAILS_WITH.size());
            assertThat(thrown.stream().filter(failure -> reported.stream().noneMatch(seen -> Scenario.causedBy(seen, failure)))
                    .map(Throwable::getMessage)).as("the failures that never reached the caller").isEmpty();
        };
    }

    private static Runnable export(String name, Set<Throwable> thrown) {
        return () -> {
            String message = Scenario.FAILS_WITH.get(name);
            if (message != null) {
                IllegalStateException failure = new IllegalStateException(message);
                thrown.add(failure);
                throw failure;
            }
        };
    }

    @Test
    void frayFindsTheLostFailure(TestReporter reporter) {
        ExplorationProof.badFoundUncaught(reporter, PITFALL, theNight(new BadExample()), FrayExplorationTest::anExportsOwn,
                "the big export's thread dying of its exception, with nobody to receive it, in every order");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<NightlyExports> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFoundUncaught(reporter, PITFALL, fix, theNight(fix.make()),
                FrayExplorationTest::anExportsOwn);
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, theNight(new GoodExample()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixesFrayAccepts")
    void everyRecommendedFixSurvives(Fix<NightlyExports> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, theNight(fix.make()));
    }

    @Test
    void frayReportsTheAfterExecuteFixAllTheSame(TestReporter reporter) {
        Fix<NightlyExports> fix = UncaughtExceptionsTest.AFTER_EXECUTE;
        ExplorationProof.rightFixFlagged(reporter, PITFALL, fix, theNight(fix.make()), FrayExplorationTest::anExportsOwn,
                "afterExecute hands the exception over, and the pool then lets it end its worker thread, which has no"
                        + " handler — a false alarm");
    }
}
