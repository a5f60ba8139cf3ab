package org.concurrencyhandbook.fray;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kotlin.Unit;
import kotlinx.serialization.json.Json;
import org.pastalab.fray.core.TestRunner;
import org.pastalab.fray.core.command.Configuration;
import org.pastalab.fray.core.command.ExecutionInfo;
import org.pastalab.fray.core.command.LambdaExecutor;
import org.pastalab.fray.core.command.NetworkDelegateType;
import org.pastalab.fray.core.command.SystemTimeDelegateType;
import org.pastalab.fray.core.observers.TimelineCoverageType;
import org.pastalab.fray.core.randomness.ControlledRandom;
import org.pastalab.fray.core.randomness.ControlledRandomProvider;
import org.pastalab.fray.core.randomness.Randomness;
import org.pastalab.fray.core.randomness.RandomnessProvider;
import org.pastalab.fray.core.scheduler.POSScheduler;
import org.pastalab.fray.core.scheduler.Scheduler;
import org.pastalab.fray.runtime.TargetTerminateException;

/**
 * A scenario run under Fray's controlled scheduler: at each synchronization point — a lock, a {@code volatile} or
 * atomic access, a {@code java.util.concurrent} call, a thread's start or end — Fray, not the operating system, picks
 * the thread that runs next. It runs the scenario once per schedule, each schedule drawn afresh by its POS
 * ("partial-order sampling") scheduler from a fixed seed, and stops at the first one in which the scenario throws, a
 * thread dies of an uncaught exception, every thread is blocked (a deadlock), or the schedule runs past
 * {@value #MAX_STEPS} steps (a thread retrying for ever — which Fray 0.9.2 cuts off without reporting it: see
 * {@link Result#unfinished}). A timed wait times out only when no thread could run otherwise. No latch, no sleep, no hint of where the bug is.
 *
 * <p>Only in a JVM started on {@link InstrumentedJdk}'s JDK with Fray's agents. Fray's progress report — it redraws the
 * console a few hundred times a run — goes to {@code <exploration>.console.txt}, beside the exploration's folder.
 */
public final class Exploration {

    /** Where explorations keep their logs and the recordings of failing schedules, below the working directory. */
    public static final Path REPORTS = Path.of("target", "fray", "explorations");
    /**
     * How many schedules a bad example gets to be found in, unless its test states more. Most bugs here fell in the first
     * schedule; 200 leaves a wide margin, and costs nothing when the bug shows early.
     */
    public static final int FIND_WITHIN = 200;
    /** How many schedules a good example must survive: each costs a few milliseconds for these small scenarios. */
    public static final int SURVIVE = 300;
    private static final Pattern ERROR_FOUND = Pattern.compile("Error found at iter: (\\d+)");
    private static final int TIME_LIMIT_SECONDS = 60;
    /**
     * Scheduling decisions one schedule may take before Fray stops it as a liveness failure — a thread that retries for
     * ever; it stops the threads without reporting a failure, so the schedule counts as unfinished. The handbook's
     * scenarios take a few hundred.
     */
    private static final int MAX_STEPS = 10_000;
    /**
     * Where every exploration's random choices start: the same schedules, tried in the same order, on every run — so a
     * bug is found at the same schedule each time, and the GUIDE can say which. Fray itself seeds from the clock.
     */
    private static final long SEED = 1;

    private Exploration() {
    }

    /**
     * What an exploration showed: how many schedules it ran, which one failed, if one did, and how many of the others
     * never reached the scenario's end — Fray 0.9.2 does not report a schedule cut off at its step bound (a thread
     * retrying for ever), nor one whose failure it lost: those schedules simply stop, and only this count shows them.
     *
     * @param schedules the schedules run, the failing one included
     */
    public record Result(String name, int schedules, Optional<Failure> failure, int unfinished, Duration elapsed) {

        @Override
        public String toString() {
            return name + ": " + failure.map(f -> "failed in schedule " + f.schedule() + ": " + f.thrown())
                    .orElse("no failure in " + schedules + " schedules") + (unfinished == 0 ? ""
                    : ", " + unfinished + " schedules that never reached the scenario's end") + " (" + elapsed.toMillis()
                    + " ms)";
        }
    }

    /**
     * The failing schedule: its number (1 for the first schedule tried), what was thrown, the recording that replays
     * it, and whether the scenario's own code had run to its end — as it has when the failure is a thread's uncaught
     * exception, which Fray reports only once the scenario has returned. (Fray's log also gives the step — the
     * scheduling decisions made — but that depends on what the JVM ran before, the classes it had loaded: it is not
     * kept.)
     */
    public record Failure(int schedule, Throwable thrown, Path recording, boolean afterTheScenarioEnded) {

        /**
         * Whether Fray itself failed — an exception thrown inside its own model of the JDK — rather than the scenario:
         * a crash of the tool, never a bug found. Its verdicts (a deadlock, a thread retrying for ever) are not crashes.
         */
        public boolean inFrayItself() {
            if (thrown instanceof TargetTerminateException || thrown instanceof AssertionError) {
                return false;
            }
            for (StackTraceElement frame : thrown.getStackTrace()) {
                if (!frame.getClassName().startsWith("java.") && !frame.getClassName().startsWith("kotlin.")) {
                    return frame.getClassName().startsWith("org.pastalab.fray.");
                }
            }
            return false;
        }
    }

    /**
     * Runs correct code once, on real threads, outside Fray, so that the classes it needs are loaded before an
     * exploration's first schedule: a schedule that loads them spends thousands of steps in the class loaders' locks,
     * and was cut off at the step bound (observed in 2.3 and 3.6). Only for code that ends in every order — a bad
     * example's deadlock would hang the test here.
     */
    public static void loadClassesOf(Runnable correctCode) {
        correctCode.run();
    }

    /** Runs {@code scenario} under at most {@code schedules} schedules, stopping at the first that fails. */
    public static Result explore(String name, int schedules, Runnable scenario) {
        return explore(name, schedules, scenario, false);
    }

    /**
     * As {@link #explore(String, int, Runnable)}, with a thread's uncaught exception not counted as a failure — for a
     * fix that hands every exception over and still lets one end a thread (3.4's {@code afterExecute}).
     */
    public static Result exploreIgnoringUncaughtExceptions(String name, int schedules, Runnable scenario) {
        return explore(name, schedules, scenario, true);
    }

    private static Result explore(String name, int schedules, Runnable scenario, boolean ignoreUncaught) {
        Path report = REPORTS.resolve(name.replaceAll("[^A-Za-z0-9.-]+", "-"));
        long start = System.nanoTime();
        Random seeded = new Random(SEED);
        RandomnessProvider randomness = () -> new ControlledRandom(new ArrayList<>(), new ArrayList<>(), seeded);
        Tally tally = new Tally(scenario);
        Ran ran = run(report, schedules, new POSScheduler(randomness.getRandomness()), randomness, false, ignoreUncaught,
                tally);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (ran.thrown() == null) {
            return new Result(name, ran.iterations(), Optional.empty(), ran.iterations() - tally.ranToTheEnd.get(),
                    elapsed);
        }
        // The last: Fray also logs, without stopping, some failures inside its own model that its run survives.
        Matcher found = ERROR_FOUND.matcher(read(report.resolve("fray.log")));
        String failedAt = null;
        while (found.find()) {
            failedAt = found.group(1);
        }
        if (failedAt == null) {
            throw new IllegalStateException("Fray reported " + ran.thrown() + " but logged no failing schedule in " + report);
        }
        int schedule = Integer.parseInt(failedAt) + 1;
        boolean afterTheEnd = tally.lastRanToTheEnd.get();
        int earlierRanToTheEnd = tally.ranToTheEnd.get() - (afterTheEnd ? 1 : 0);
        return new Result(name, schedule, Optional.of(new Failure(schedule, ran.thrown(), report.resolve("recording"),
                afterTheEnd)), schedule - 1 - earlierRanToTheEnd, elapsed);
    }

    /**
     * The scenario, counting the schedules that ran it to its end. Replays run it too, so that a recording meets the
     * same synchronization points it was made with.
     */
    private static final class Tally implements Runnable {
        private final Runnable scenario;
        private final AtomicInteger ranToTheEnd = new AtomicInteger();
        private final AtomicBoolean lastRanToTheEnd = new AtomicBoolean();

        Tally(Runnable scenario) {
            this.scenario = scenario;
        }

        @Override
        public void run() {
            lastRanToTheEnd.set(false);
            scenario.run();
            ranToTheEnd.incrementAndGet();
            lastRanToTheEnd.set(true);
        }
    }

    /**
     * Runs {@code scenario} once, under the schedule {@code recording} holds — a failing schedule found by
     * {@link #explore} — and returns what it threw ({@code null} if it did not fail).
     */
    public static Throwable replay(Path recording, Runnable scenario) {
        try {
            String schedulerClass = Files.readString(recording.resolve("scheduler")).strip();
            Randomness random = Json.Default.decodeFromString(Randomness.Companion.serializer(),
                    Files.readString(recording.resolve("random.json")));
            Scheduler scheduler = (Scheduler) Class.forName(schedulerClass).getConstructor(Randomness.class)
                    .newInstance(random);
            return run(recording.resolveSibling(recording.getFileName() + "-replayed"), 1, scheduler,
                    new ControlledRandomProvider(), true, false, new Tally(scenario)).thrown();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the recording " + recording, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not rebuild the scheduler of the recording " + recording, e);
        }
    }

    private record Ran(int iterations, Throwable thrown) {
    }

    private static Ran run(Path report, int iterations, Scheduler scheduler, RandomnessProvider randomness, boolean replay,
                           boolean ignoreUncaught, Runnable scenario) {
        PrintStream console = System.out;
        PrintStream errors = System.err;
        try {
            // Beside the report folder, not in it: Fray empties that folder as it starts.
            Path consoleFile = report.resolveSibling(report.getFileName() + ".console.txt");
            Files.createDirectories(report.getParent());
            try (PrintStream progress = new PrintStream(new FileOutputStream(consoleFile.toFile()))) {
                System.setOut(progress);
                System.setErr(progress);
                // Fray's own settings for a test launched from code (FrayInTestLauncher.launchFray), with its progress
                // kept off the console, no timeline coverage (only its report reads it), and the threads a scenario
                // leaves behind once it has returned — a fix's dispatcher thread, parked for its next task — stopped
                // rather than reported as deadlocked.
                Configuration config = new Configuration(
                        new ExecutionInfo(new LambdaExecutor(() -> {
                            scenario.run();
                            return Unit.INSTANCE;
                        }), ignoreUncaught, false, MAX_STEPS),
                        report, iterations, TIME_LIMIT_SECONDS, scheduler, randomness,
                        true, false, true, replay, false, false,
                        NetworkDelegateType.PROACTIVE, SystemTimeDelegateType.NONE, 100_000L, true, true, true,
                        false, true, false, TimelineCoverageType.NONE);
                Throwable thrown = new TestRunner(config).run();
                return new Ran(config.getCurrentIteration(), thrown);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write Fray's report in " + report, e);
        } finally {
            System.setOut(console);
            System.setErr(errors);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
