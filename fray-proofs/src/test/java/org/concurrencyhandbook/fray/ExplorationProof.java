package org.concurrencyhandbook.fray;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.TestReporter;
import org.pastalab.fray.runtime.DeadlockException;
import org.pastalab.fray.runtime.LivenessException;

/**
 * The verdicts every {@code FrayExplorationTest} asserts and records: Fray finds the bad example's failure within
 * {@link Exploration#FIND_WITHIN} schedules (or as many as its test states) and its saved schedule replays it; the
 * good example and the recommended fixes survive {@link Exploration#SURVIVE} (or as many as the bad one needed), each
 * schedule run to its end; where Fray cannot see a pitfall, the bad example survives too, and the record says why.
 */
public final class ExplorationProof {

    /**
     * Enough to show that Fray cannot run some code: where it could not, it reported a deadlock by the second schedule,
     * or 19 of 20 schedules never ended.
     */
    private static final int CANNOT_RUN_WITHIN = 20;
    /** Enough for a JVM to start on Fray's agents and explore a small good example (about 3 s here). */
    private static final Duration ALONE_LIMIT = Duration.ofSeconds(30);
    private static final Duration HANG_AFTER = Duration.ofSeconds(5);
    /** So that a run to {@link #ALONE_LIMIT} and a wait for a hang fit in a test's two minutes. */
    private static final Duration HANG_AT_MOST = Duration.ofSeconds(60);
    private static final int HANG_FACTOR = 3;
    /** For most pitfalls an exception of the scenario's own code is a crash, never the bug found. */
    private static final Predicate<Throwable> NONE_OF_THE_SCENARIOS = thrown -> false;

    static {
        // AssertJ's configuration is found through a ServiceLoader as its first assertion runs. Inside a schedule,
        // that class loading once ran past Fray's step bound, and the class stayed broken for the JVM (observed): so
        // the first assertion runs here, outside Fray, before any exploration.
        assertThat(true).isTrue();
    }

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
        return badFound(reporter, pitfall, schedules, scenario, NONE_OF_THE_SCENARIOS, what);
    }

    /**
     * As {@link #badFound(TestReporter, String, Runnable, String)}, for a pitfall whose symptom is an exception that
     * ends a thread with nobody to receive it: {@code itsException} picks the scenario's own exceptions, which Fray
     * reports as the schedule's failure when one escapes a thread.
     */
    public static Exploration.Failure badFoundUncaught(TestReporter reporter, String pitfall, Runnable scenario,
                                                       Predicate<Throwable> itsException, String what) {
        return badFound(reporter, pitfall, Exploration.FIND_WITHIN, scenario, itsException, what);
    }

    private static Exploration.Failure badFound(TestReporter reporter, String pitfall, int schedules, Runnable scenario,
                                                Predicate<Throwable> alsoTheSymptom, String what) {
        Exploration.Result result = Exploration.explore(pitfall + "-BadExample", schedules, scenario);

        assertThat(result.failure()).as("%s", result).isPresent();
        Exploration.Failure failure = result.failure().orElseThrow();
        assertSymptom(failure, alsoTheSymptom);
        Throwable replayed = Exploration.replay(failure.recording(), scenario);
        assertThat(replayed).as("the saved schedule of %s, replayed", result).isNotNull()
                .hasSameClassAs(failure.thrown()).hasMessage(failure.thrown().getMessage());
        Evidence.badShowed(reporter, "Fray found it in schedule %d of at most %d: %s; its recording, %s, replays it",
                failure.schedule(), schedules, describe(failure.thrown()),
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
        wrongFixFound(reporter, pitfall, schedules, fix, scenario, NONE_OF_THE_SCENARIOS);
    }

    /** As {@link #wrongFixFound(TestReporter, String, Fix, Runnable)}, with the symptom of {@link #badFoundUncaught}. */
    public static void wrongFixFoundUncaught(TestReporter reporter, String pitfall, Fix<?> fix, Runnable scenario,
                                             Predicate<Throwable> itsException) {
        wrongFixFound(reporter, pitfall, Exploration.FIND_WITHIN, fix, scenario, itsException);
    }

    private static void wrongFixFound(TestReporter reporter, String pitfall, int schedules, Fix<?> fix,
                                      Runnable scenario, Predicate<Throwable> alsoTheSymptom) {
        Exploration.Result result = Exploration.explore(pitfall + "-" + fix.name(), schedules, scenario);

        if (result.failure().isEmpty()) {
            // More than one: a single schedule cut short may be the first one's class loading (observed), not a retry.
            assertThat(result.unfinished()).as("%s: neither a failure nor schedules cut short", result)
                    .isGreaterThan(1);
            Evidence.wrongFixCaught(reporter, fix, "%d of %d schedules never reached their end: a thread retrying for"
                    + " ever, cut off at Fray's step bound", result.unfinished(), result.schedules());
            return;
        }
        Exploration.Failure failure = result.failure().orElseThrow();
        assertSymptom(failure, alsoTheSymptom);
        Evidence.wrongFixCaught(reporter, fix, "Fray found it in schedule %d: %s", failure.schedule(),
                describe(failure.thrown()));
    }

    /**
     * A tempting wrong fix Fray cannot see — its race is on plain fields, or its failure needs reordering — survives as
     * many schedules as a good example must. Asserted, so that the GUIDE's word on Fray's blind spot stays true; not
     * recorded as caught.
     */
    public static void wrongFixUnseen(String pitfall, Fix<?> fix, Runnable scenario) {
        survive(pitfall + "-" + fix.name(), Exploration.SURVIVE, scenario);
    }

    /** The good example survives {@link Exploration#SURVIVE} schedules, each run to its end. */
    public static void goodSurvives(TestReporter reporter, String pitfall, Runnable scenario) {
        goodSurvives(reporter, pitfall, Exploration.SURVIVE, scenario);
    }

    /** As {@link #goodSurvives(TestReporter, String, Runnable)}, for as many schedules as the bad one needed at most. */
    public static void goodSurvives(TestReporter reporter, String pitfall, int schedules, Runnable scenario) {
        Exploration.Result result = survive(pitfall + "-GoodExample", schedules, scenario);
        Evidence.goodHeld(reporter, "no failure in %d schedules under Fray", result.schedules());
    }

    /** A fix the GUIDE recommends survives {@link Exploration#SURVIVE} schedules, each run to its end. */
    public static void rightFixSurvives(TestReporter reporter, String pitfall, Fix<?> fix, Runnable scenario) {
        rightFixSurvives(reporter, pitfall, Exploration.SURVIVE, fix, scenario);
    }

    /** As {@link #rightFixSurvives(TestReporter, String, Fix, Runnable)}, for {@code schedules} schedules. */
    public static void rightFixSurvives(TestReporter reporter, String pitfall, int schedules, Fix<?> fix,
                                        Runnable scenario) {
        Exploration.Result result = survive(pitfall + "-" + fix.name(), schedules, scenario);
        Evidence.rightFixHeld(reporter, fix, "no failure in %d schedules under Fray", result.schedules());
    }

    /**
     * A fix the GUIDE recommends that Fray reports all the same — a false alarm: in the schedule it reports, the
     * scenario's code ran to its end with its invariant held, and Fray reports a thread that one of the scenario's own
     * exceptions ({@code itsException}) ended, with nobody to receive it. Asserted, so that the GUIDE's word on it
     * stays true; and with uncaught exceptions not counted, the fix must survive {@value Exploration#SURVIVE}
     * schedules, as any recommended fix must — all but one in a hundred run to their end: the fix waits in
     * {@code awaitTermination}, whose loop on the clock ran a schedule to the step bound in some builds and not in
     * others (observed). {@code why} says which thread, for the record.
     */
    public static void rightFixFlagged(TestReporter reporter, String pitfall, Fix<?> fix, Runnable scenario,
                                       Predicate<Throwable> itsException, String why) {
        Exploration.Result result = Exploration.explore(pitfall + "-" + fix.name(), Exploration.FIND_WITHIN, scenario);

        assertThat(result.failure()).as("%s: Fray no longer reports it, so the GUIDE must not say it does", result)
                .isPresent();
        Exploration.Failure failure = result.failure().orElseThrow();
        assertThat(failure.afterTheScenarioEnded()).as("%s: the invariant broken, not a false alarm", result).isTrue();
        assertThat(failure.thrown()).as("%s", result).matches(itsException, "one of the scenario's own exceptions");
        Exploration.Result ignoringThem = Exploration.exploreIgnoringUncaughtExceptions(pitfall + "-" + fix.name()
                + "-uncaught-ignored", Exploration.SURVIVE, scenario);
        assertThat(ignoringThem.failure()).as("%s", ignoringThem).isEmpty();
        assertThat(ignoringThem.schedules()).as("%s", ignoringThem).isEqualTo(Exploration.SURVIVE);
        assertThat(ignoringThem.unfinished()).as("%s", ignoringThem).isLessThanOrEqualTo(Exploration.SURVIVE / 100);
        Evidence.rightFixHeld(reporter, fix, "Fray reported %s in schedule %d, after the invariant had held: %s; with"
                + " uncaught exceptions not counted, no failure in %d schedules (%d of them cut off at the step bound)",
                describe(failure.thrown()), failure.schedule(), why, ignoringThem.schedules(), ignoringThem.unfinished());
    }

    /**
     * Fray cannot see this pitfall: the bad example survives as many schedules as a good one must. {@code why} is the
     * reason — plain fields are not switch points, there is no weak memory model — recorded for the matrix.
     */
    public static void badUnseen(TestReporter reporter, String pitfall, Runnable scenario, String why) {
        survive(pitfall + "-BadExample", Exploration.SURVIVE, scenario);
        Evidence.detected(reporter, "Fray", false, why);
    }

    /**
     * Fray cannot run this pitfall's threads: {@code correctScenario}, the pitfall's correct code, which cannot deadlock
     * or spin, is reported deadlocked, or most of its schedules never reach their end, within
     * {@value #CANNOT_RUN_WITHIN} schedules. Asserted, so that the matrix says so only while it is true: a Fray that
     * learns to run them turns this red, and the pitfall is then to be explored. {@code why} says which threads, for
     * the matrix. Which schedule shows it varied with what ran before it in the JVM (observed), so the record quotes
     * neither the schedule nor which of the two it was.
     */
    public static void cannotRun(TestReporter reporter, String pitfall, Runnable correctScenario, String why) {
        assertCannotRun(pitfall + "-correct-code", correctScenario);
        Evidence.detected(reporter, "Fray", false, "%s — correct code on them does not reliably complete under it"
                + " (reported deadlocked, or cut off at its step bound), so it cannot run this pitfall", why);
    }

    /**
     * A fix Fray cannot run — as {@link #cannotRun}, for one fix of a pitfall it can run otherwise. Asserted, so that
     * the day Fray runs it the fix is explored; not recorded as held.
     */
    public static void fixCannotRun(String pitfall, Fix<?> fix, Runnable scenario) {
        assertCannotRun(pitfall + "-" + fix.name(), scenario);
    }

    private static void assertCannotRun(String name, Runnable correctScenario) {
        Exploration.Result result = Exploration.explore(name, CANNOT_RUN_WITHIN, correctScenario);

        if (result.failure().isPresent()) {
            assertThat(result.failure().orElseThrow().thrown()).as("%s", result).isInstanceOf(DeadlockException.class);
        } else {
            assertThat(2 * result.unfinished()).as("%s: Fray runs it now, so explore it", result)
                    .isGreaterThan(result.schedules());
        }
    }

    /**
     * Fray cannot run this pitfall's bad example: exploring it never ends — a thread that spins where Fray has no
     * switch point keeps the only turn, and Fray never runs the thread that would stop it. Each scenario is explored
     * in a JVM of its own, on this JVM's JDK and agents, since a hung exploration cannot be undone: the good example's
     * {@value Exploration#SURVIVE} schedules must end, and pass, within {@link #ALONE_LIMIT}; the bad example's are
     * given {@value #HANG_FACTOR} times as long as the good one took, at least {@link #HANG_AFTER} and at most
     * {@link #HANG_AT_MOST}, and must not have ended by then. {@code why} says why, for the matrix; the times go in the examples' records, not in it.
     */
    public static void hangs(TestReporter reporter, String pitfall, Class<? extends Runnable> badScenario,
                             Class<? extends Runnable> goodScenario, String why) throws InterruptedException {
        Duration good = assertEndsAlone(pitfall + "-GoodExample", goodScenario);
        Duration hung = assertHangsAlone(pitfall + "-BadExample", badScenario, good);
        Evidence.goodHeld(reporter, "no failure in %d schedules under Fray, explored in a JVM of its own in %.1f s",
                Exploration.SURVIVE, good.toMillis() / 1e3);
        Evidence.badShowed(reporter, "its exploration, in a JVM of its own, had not ended after %.1f s: hung",
                hung.toMillis() / 1e3);
        Evidence.detected(reporter, "Fray", false, "%s: its exploration never ends", why);
    }

    /**
     * Fray cannot run this pitfall at all: exploring its correct code, {@code correctScenario}, in a JVM of its own,
     * does not complete — it fails inside Fray's own model of the JDK, or it hangs, measured as in {@link #hangs}
     * against {@link IdleActors}, two threads that do nothing, explored the same way. {@code why} says why, for the
     * matrix.
     */
    public static void cannotRunAlone(TestReporter reporter, String pitfall, Class<? extends Runnable> correctScenario,
                                      String why) throws InterruptedException {
        Duration idle = assertEndsAlone(pitfall + "-idle-threads", IdleActors.class);
        ChildJvm.Result run = exploreAlone(pitfall + "-GoodExample", correctScenario, patience(idle));
        assertThat(run.timedOut() || "true".equals(run.facts().get("failedInFray")))
                .as("%s: Fray runs it now, so explore the pitfall", run.describe()).isTrue();
        Evidence.detected(reporter, "Fray", false, "%s: its exploration of the GoodExample does not complete, so it"
                + " cannot run this pitfall", why);
    }

    /** Two threads that do nothing: how long a JVM of its own takes to explore a scenario that ends. */
    static final class IdleActors implements Runnable {
        @Override
        public void run() {
            Actors.runTogether(() -> { }, () -> { });
        }
    }

    private static Duration assertEndsAlone(String name, Class<? extends Runnable> scenario) throws InterruptedException {
        ChildJvm.Result run = exploreAlone(name, scenario, ALONE_LIMIT);
        assertThat(run.timedOut()).as("the exploration of %s: %s", scenario.getSimpleName(), run.describe()).isFalse();
        assertThat(run.facts()).as(run.describe()).containsEntry("failed", "false").containsEntry("unfinished", "0")
                .containsEntry("schedules", String.valueOf(Exploration.SURVIVE));
        return run.elapsed();
    }

    private static Duration assertHangsAlone(String name, Class<? extends Runnable> scenario, Duration thanEnded)
            throws InterruptedException {
        ChildJvm.Result run = exploreAlone(name, scenario, patience(thanEnded));
        assertThat(run.timedOut()).as("%s: Fray runs it now, so explore the pitfall", run.describe()).isTrue();
        return run.elapsed();
    }

    private static Duration patience(Duration thanEnded) {
        return Collections.min(List.of(HANG_AT_MOST, Collections.max(List.of(HANG_AFTER,
                thanEnded.multipliedBy(HANG_FACTOR)))));
    }

    private static ChildJvm.Result exploreAlone(String name, Class<? extends Runnable> scenario, Duration limit)
            throws InterruptedException {
        List<String> fraysAgents = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-javaagent:") || argument.startsWith("-agentpath:")).toList();
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        return ChildJvm.of(ExploreAlone.class).java(java).jvmArgs(fraysAgents.toArray(String[]::new))
                .args(name, scenario.getName(), String.valueOf(Exploration.SURVIVE)).timeout(limit).collectingFacts().run();
    }

    /** Exploring {@code scenario} finds no failure, and every schedule runs the scenario to its end. */
    public static Exploration.Result survive(String name, int schedules, Runnable scenario) {
        Exploration.Result result = Exploration.explore(name, schedules, scenario);

        assertThat(result.failure()).as("%s", result).isEmpty();
        assertThat(result.schedules()).as("%s", result).isEqualTo(schedules);
        assertThat(result.unfinished()).as("%s: schedules that never reached the scenario's end", result).isZero();
        return result;
    }

    /**
     * A failure that shows a pitfall is the scenario's invariant broken (an {@code AssertionError}), Fray's verdict on
     * its threads (every one blocked, or one retrying for ever), or — where that is the pitfall — one of the scenario's
     * own exceptions that ended a thread; anything else — an exception of the scenario's code, or
     * of Fray's own model — is a crash, never the bug found.
     */
    private static void assertSymptom(Exploration.Failure failure, Predicate<Throwable> alsoTheSymptom) {
        assertThat(failure.inFrayItself()).as("Fray itself failed: %s", failure.thrown()).isFalse();
        if (!alsoTheSymptom.test(failure.thrown())) {
            assertThat(failure.thrown()).as("the failure of the schedule Fray found")
                    .isInstanceOfAny(AssertionError.class, DeadlockException.class, LivenessException.class);
        }
    }

    private static String describe(Throwable thrown) {
        return thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
    }
}
