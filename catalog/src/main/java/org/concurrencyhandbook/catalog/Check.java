package org.concurrencyhandbook.catalog;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.concurrencyhandbook.support.Verdict;

/**
 * {@code ./handbook check <id>}: the checks a contributor runs on a pitfall before handing it in, each with a verdict.
 * <ol>
 *   <li><b>variants</b> — the pitfall's test class, through Maven: it must pass, with at least one wrong fix caught.</li>
 *   <li><b>swap</b> — a copy of the repository with the bodies of BadExample and GoodExample swapped: the same test
 *       must fail, or it cannot tell bad from good.</li>
 *   <li><b>one CPU</b> — pinned to one CPU with {@code taskset}: the test must not fail (it may skip, inconclusive),
 *       and the bad main must not exit 0 — a machine that cannot run the race never clears bad code.</li>
 *   <li><b>repeat</b> — for a test whose verdict depends on timing, the calibrated number of runs from the catalog,
 *       each in a fresh JVM, with a core kept busy (or idle, for a performance measurement): no run may fail.</li>
 * </ol>
 * Exits 0 when every check passed, 1 when one failed, 3 when none failed but one was inconclusive here.
 */
final class Check {

    private static final Duration MAVEN_LIMIT = Duration.ofMinutes(20);
    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);
    private static final int PROGRESS_EVERY = 50;
    private static final Pattern TESTS_FAILED = Pattern.compile("Tests run: \\d+, Failures: \\d+, Errors: \\d+, Skipped: \\d+(?=\\s*$)",
            Pattern.MULTILINE);
    private static final Pattern SOME_SKIPPED = Pattern.compile("tests: \\d+ passed, \\d+ failed, [1-9]\\d* skipped");
    private static final Pattern SUREFIRE_CLASS_PATH = Pattern.compile("name=\"surefire.test.class.path\" value=\"([^\"]*)\"");

    enum Outcome { PASSED, FAILED, INCONCLUSIVE }

    record Result(String check, Outcome outcome, String detail) {
    }

    private final Pitfall pitfall;
    private final Path root;
    private final PrintStream out;
    private final int runsOverride;
    private Path scratch;

    Check(Pitfall pitfall, Path root, PrintStream out, int runsOverride) {
        this.pitfall = pitfall;
        this.root = root;
        this.out = out;
        this.runsOverride = runsOverride;
    }

    int run() throws InterruptedException {
        out.printf("Checking %s %s (%s)%n", pitfall.id(), pitfall.plainTitle(), pitfall.testClassName());
        scratch = newScratchDirectory();
        try {
            return checkAll();
        } finally {
            deleteQuietly(scratch);
        }
    }

    private int checkAll() throws InterruptedException {
        List<Result> results = new ArrayList<>();
        Result variants = report(variants());
        results.add(variants);
        results.add(report(swap()));
        if (variants.outcome() == Outcome.FAILED) {
            results.add(report(new Result("one CPU", Outcome.INCONCLUSIVE, "not run: the test itself does not pass")));
            results.add(report(new Result("repeat", Outcome.INCONCLUSIVE, "not run: the test itself does not pass")));
        } else {
            String classPath = testClassPath();
            results.add(report(oneCpu(classPath)));
            results.add(report(repeat(classPath)));
        }
        long failed = results.stream().filter(r -> r.outcome() == Outcome.FAILED).count();
        long inconclusive = results.stream().filter(r -> r.outcome() == Outcome.INCONCLUSIVE).count();
        out.printf("check %s: %d passed, %d failed, %d inconclusive%n", pitfall.id(), results.size() - failed - inconclusive,
                failed, inconclusive);
        return failed > 0 ? 1 : inconclusive > 0 ? Verdict.INCONCLUSIVE.exitStatus() : 0;
    }

    private Result report(Result result) {
        out.printf("  %-9s %-12s %s%n", result.check(), result.outcome(), result.detail());
        return result;
    }

    private Result variants() throws InterruptedException {
        Command run = maven(root);
        if (run.exitValue() != 0) {
            return new Result("variants", Outcome.FAILED, "the test failed:\n" + tail(run.output()));
        }
        Properties figures = evidence();
        int caught = Integer.parseInt(figures.getProperty("wrongFixesCaught", "0"));
        int held = Integer.parseInt(figures.getProperty("rightFixesHeld", "0"));
        String skipped = figures.getProperty("skipped", "");
        if (caught == 0 && skipped.isEmpty()) {
            return new Result("variants", Outcome.FAILED, "no wrong fix was caught: the test must run the tempting wrong fixes"
                    + " (see CONTRIBUTING.md, \"Prove the fix\")");
        }
        if (caught == 0) {
            return new Result("variants", Outcome.INCONCLUSIVE, "no wrong fix was caught in this run; skipped here: " + skipped);
        }
        String detail = "wrong fixes caught " + caught + ", other fixes held " + held;
        return skipped.isEmpty() ? new Result("variants", Outcome.PASSED, detail)
                : new Result("variants", Outcome.PASSED, detail + "; skipped here: " + skipped);
    }

    private Result swap() throws InterruptedException {
        Path copy = copyOfTheRepository();
        try {
            Path sources = pitfall.sourceDirectory(copy);
            Path bad = sources.resolve("BadExample.java");
            Path good = sources.resolve("GoodExample.java");
            String badText = Files.readString(bad);
            String goodText = Files.readString(good);
            Files.writeString(bad, renamed(goodText));
            Files.writeString(good, renamed(badText));
            Command run = maven(copy);
            if (run.exitValue() == 0) {
                return new Result("swap", Outcome.FAILED, "STILL GREEN with BadExample and GoodExample swapped: the test"
                        + " cannot tell bad from good");
            }
            if (run.output().contains("COMPILATION ERROR")) {
                return new Result("swap", Outcome.INCONCLUSIVE, "the swapped classes do not compile: BadExample and"
                        + " GoodExample do not share one shape");
            }
            Matcher failed = TESTS_FAILED.matcher(run.output());
            if (!failed.find()) {
                return new Result("swap", Outcome.INCONCLUSIVE, "the build failed with BadExample and GoodExample swapped,"
                        + " but not in the test:\n" + tail(run.output()));
            }
            return new Result("swap", Outcome.PASSED, "red as expected with BadExample and GoodExample swapped: "
                    + failed.group());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(copy);
        }
    }

    private Result oneCpu(String classPath) throws InterruptedException {
        if (!onPath("taskset")) {
            return new Result("one CPU", Outcome.INCONCLUSIVE, "taskset is not available on this system");
        }
        Command main = Command.run(List.of("taskset", "-c", "0", java(), "-cp", pitfall.exampleClassPath(root),
                pitfall.badExample()), root, RUN_LIMIT);
        if (main.exitValue() == Verdict.INVARIANT_HELD.exitStatus() || Verdict.ofExitStatus(main.exitValue()).isEmpty()) {
            return new Result("one CPU", Outcome.FAILED, "BadExample on one CPU exited " + main.exitValue()
                    + (main.exitValue() == 0 ? " (invariant held): it gave bad code a clean bill" : " (a crash)") + "\n"
                    + tail(main.output()));
        }
        Command test = Command.run(List.of("taskset", "-c", "0", java(), "-cp", classPath,
                "-Dbasedir=" + scratch, "org.concurrencyhandbook.testkit.RunTestClass", pitfall.testClassName()), root,
                RUN_LIMIT);
        if (test.exitValue() == 1) {
            return new Result("one CPU", Outcome.FAILED, "the test failed on one CPU:\n" + tail(test.output()));
        }
        return new Result("one CPU", Outcome.PASSED, "BadExample exited " + main.exitValue() + " ("
                + Verdict.ofExitStatus(main.exitValue()).orElseThrow().description() + "); the test: "
                + test.output().lines().filter(line -> line.contains(" tests: ")).findFirst().orElse("?"));
    }

    private Result repeat(String classPath) throws InterruptedException {
        int runs = runsOverride > 0 ? runsOverride : pitfall.repeatRuns();
        if (runs == 0) {
            return new Result("repeat", Outcome.PASSED, "not needed: the test forces its interleaving (catalog: repeat -)");
        }
        boolean busy = pitfall.repeatUnderLoad();
        int passed = 0;
        int skipped = 0;
        int withSkips = 0;
        List<String> failures = new ArrayList<>();
        Thread load = busy ? Thread.ofPlatform().daemon().name("busy core").start(Check::spin) : null;
        try {
            for (int run = 1; run <= runs; run++) {
                ChildJvm.Result result = ChildJvm.of("org.concurrencyhandbook.testkit.RunTestClass").classPath(classPath)
                        .jvmArgs("-Dbasedir=" + scratch).args(pitfall.testClassName()).workDir(root).timeout(RUN_LIMIT).run();
                if (result.exitCode() == 0) {
                    passed++;
                    withSkips += SOME_SKIPPED.matcher(result.stdout()).find() ? 1 : 0;
                } else if (result.exitCode() == Verdict.INCONCLUSIVE.exitStatus()) {
                    skipped++;
                } else {
                    failures.add("run " + run + ": " + tail(result.output()));
                }
                if (run % PROGRESS_EVERY == 0 && run < runs) {
                    out.printf("  repeat    %d/%d: %d passed, %d failed, %d inconclusive%n", run, runs, passed,
                            failures.size(), skipped);
                }
            }
        } finally {
            if (load != null) {
                load.interrupt();
            }
        }
        String counts = String.format("%d passed (%d of them with tests skipped as inconclusive), %d failed, %d inconclusive"
                + " (every test skipped) in %d runs, load: %s", passed, withSkips, failures.size(), skipped, runs,
                busy ? "busy" : "idle");
        if (!failures.isEmpty()) {
            return new Result("repeat", Outcome.FAILED, counts + "\n" + failures.getFirst());
        }
        return new Result("repeat", passed > 0 ? Outcome.PASSED : Outcome.INCONCLUSIVE, counts);
    }

    private static void spin() {
        while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
        }
    }

    /** Runs the pitfall's test class through Maven in {@code directory}, building what it needs first. */
    private Command maven(Path directory) throws InterruptedException {
        return Command.run(List.of(directory.resolve("mvnw").toString(), "-q", "-pl", pitfall.module(), "-am", "test",
                "-Dtest=" + pitfall.testClass(), "-Dsurefire.failIfNoSpecifiedTests=false"), directory, MAVEN_LIMIT);
    }

    private Properties evidence() {
        Path file = root.resolve(pitfall.module()).resolve("target/handbook-evidence")
                .resolve(pitfall.testClassName() + ".properties");
        Properties figures = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            figures.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no figures from the test run in " + file, e);
        }
        return figures;
    }

    /** The class path surefire ran the test with, as its report records it. */
    private String testClassPath() {
        Path report = root.resolve(pitfall.module()).resolve("target/surefire-reports")
                .resolve("TEST-" + pitfall.testClassName() + ".xml");
        try {
            Matcher match = SUREFIRE_CLASS_PATH.matcher(Files.readString(report));
            if (!match.find()) {
                throw new IllegalStateException("no surefire.test.class.path in " + report);
            }
            return match.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path copyOfTheRepository() {
        try {
            Path copy = Files.createTempDirectory("handbook-swap");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path source : (Iterable<Path>) files.filter(Check::copied)::iterator) {
                    Path target = copy.resolve(root.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the repository", e);
        }
    }

    /** Everything but build output and version control. */
    private static boolean copied(Path path) {
        for (Path part : path) {
            String name = part.toString();
            if (name.equals("target") || name.equals(".git")) {
                return false;
            }
        }
        return true;
    }

    /** Each example's text under the other's name: BadExample becomes GoodExample and the other way round. */
    private static String renamed(String text) {
        return text.replace("BadExample", "\u0000").replace("GoodExample", "BadExample").replace("\u0000", "GoodExample");
    }

    /** Where the repeated runs' figures go, so that they do not overwrite the build's. */
    private static Path newScratchDirectory() {
        try {
            return Files.createTempDirectory("handbook-check");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary copy left behind does no harm
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }

    /** A command run to its end (or killed at the limit), with its output. */
    private record Command(int exitValue, String output) {
        static Command run(List<String> command, Path directory, Duration limit) throws InterruptedException {
            try {
                Path log = Files.createTempFile("handbook-check", ".log");
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().merge("MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow", (a, b) -> a + " " + b);
                java.lang.Process process = builder.start();
                boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
                if (!ended) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                Files.deleteIfExists(log);
                return new Command(ended ? process.exitValue() : -1, ended ? output : output + "\n(killed after " + limit + ")");
            } catch (IOException e) {
                throw new UncheckedIOException("could not run " + command, e);
            }
        }
    }
}
