package org.concurrencyhandbook.fray;

import static org.assertj.core.api.Assertions.assertThat;

import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.TestReporter;

/**
 * The verdicts every {@code FrayExplorationTest} asserts and records: Fray finds the bad example's failure within
 * {@link Exploration#FIND_WITHIN} schedules and its saved schedule replays it; the good example and the recommended
 * fixes survive {@link Exploration#SURVIVE}; where Fray cannot see a pitfall, the bad example survives too, and the
 * record says why.
 */
public final class ExplorationProof {

    private ExplorationProof() {
    }

    /**
     * Fray finds the bad example's failure, and replaying the saved schedule fails the same way; {@code what} says what
     * Fray caught, in words without the run's figures (those go in the bad example's evidence).
     */
    public static Exploration.Failure badFound(TestReporter reporter, String pitfall, Runnable scenario, String what) {
        return badFound(reporter, pitfall, Exploration.FIND_WITHIN, scenario, what);
    }

    /** As {@link #badFound(TestReporter, String, Runnable, String)}, within {@code schedules} schedules. */
    public static Exploration.Failure badFound(TestReporter reporter, String pitfall, int schedules, Runnable scenario,
                                               String what) {
        Exploration.Result result = Exploration.explore(pitfall + "-BadExample", schedules, scenario);

        assertThat(result.failure()).as("%s", result).isPresent();
        Exploration.Failure failure = result.failure().orElseThrow();
        assertThat(failure.inFrayItself()).as("Fray itself failed: %s", failure.thrown()).isFalse();
        Throwable replayed = Exploration.replay(failure.recording(), scenario);
        assertThat(replayed).as("the saved schedule of %s, replayed", result).isNotNull()
                .hasSameClassAs(failure.thrown());
        Evidence.badShowed(reporter, "Fray found it in schedule %d (step %d) of at most %d: %s; its recording, %s,"
                + " replays it", failure.schedule(), failure.step(), schedules, describe(failure.thrown()),
                failure.recording());
        Evidence.detected(reporter, "Fray", true, what);
        return failure;
    }

    /** Fray finds a tempting wrong fix's failure too. */
    public static void wrongFixFound(TestReporter reporter, String pitfall, Fix<?> fix, Runnable scenario) {
        wrongFixFound(reporter, pitfall, Exploration.FIND_WITHIN, fix, scenario);
    }

    /** As {@link #wrongFixFound(TestReporter, String, Fix, Runnable)}, within {@code schedules} schedules. */
    public static void wrongFixFound(TestReporter reporter, String pitfall, int schedules, Fix<?> fix, Runnable scenario) {
        Exploration.Result result = Exploration.explore(pitfall + "-" + fix.name(), schedules, scenario);

        assertThat(result.failure()).as("%s", result).isPresent();
        Exploration.Failure failure = result.failure().orElseThrow();
        assertThat(failure.inFrayItself()).as("Fray itself failed: %s", failure.thrown()).isFalse();
        Evidence.wrongFixCaught(reporter, fix, "Fray found it in schedule %d: %s", failure.schedule(),
                describe(failure.thrown()));
    }

    /**
     * A tempting wrong fix Fray cannot see — its race is on plain fields, or its failure needs reordering — survives as
     * many schedules as a good example must. Asserted, so that the GUIDE's word on Fray's blind spot stays true; not
     * recorded as caught.
     */
    public static void wrongFixUnseen(String pitfall, Fix<?> fix, Runnable scenario) {
        survive(pitfall + "-" + fix.name(), scenario);
    }

    /** The good example survives every schedule Fray tries. */
    public static void goodSurvives(TestReporter reporter, String pitfall, Runnable scenario) {
        Exploration.Result result = survive(pitfall + "-GoodExample", scenario);
        Evidence.goodHeld(reporter, "no failure in %d schedules under Fray", result.schedules());
    }

    /** A fix the GUIDE recommends survives every schedule Fray tries. */
    public static void rightFixSurvives(TestReporter reporter, String pitfall, Fix<?> fix, Runnable scenario) {
        Exploration.Result result = survive(pitfall + "-" + fix.name(), scenario);
        Evidence.rightFixHeld(reporter, fix, "no failure in %d schedules under Fray", result.schedules());
    }

    /**
     * Fray cannot see this pitfall: the bad example survives as many schedules as a good one must. {@code why} is the
     * reason — plain fields are not switch points, there is no weak memory model — recorded for the matrix.
     */
    public static void badUnseen(TestReporter reporter, String pitfall, Runnable scenario, String why) {
        survive(pitfall + "-BadExample", scenario);
        Evidence.detected(reporter, "Fray", false, why);
    }

    private static Exploration.Result survive(String name, Runnable scenario) {
        Exploration.Result result = Exploration.explore(name, Exploration.SURVIVE, scenario);

        assertThat(result.failure()).as("%s", result).isEmpty();
        assertThat(result.schedules()).as("%s", result).isEqualTo(Exploration.SURVIVE);
        return result;
    }

    private static String describe(Throwable thrown) {
        return thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
    }
}
