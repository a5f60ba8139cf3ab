package org.concurrencyhandbook.testkit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;

/**
 * Runs jcstress tests from a JUnit test and hands back how often each outcome was seen, so that a test can assert
 * "outcome X was observed" (the bad variant) or "outcome X was never observed in N samples" (the good one).
 *
 * <p>Why it works the way it does (measured with jcstress 0.16 on a 2-core machine):
 * <ul>
 *   <li>jcstress runs in a child JVM: it keeps static state that a second run in the same JVM would double, and a
 *       child can be killed when it overruns.</li>
 *   <li>The default flags ({@value #QUICK_FLAGS}) run one fork per test with unified compilation: seconds per
 *       test instead of minutes, and still millions of samples. {@code -Djcstress.args="-m default"} asks for a
 *       thorough run instead.</li>
 *   <li>jcstress's exit status says little (0 when the regex matched nothing, 1 when a forbidden outcome was
 *       seen), so the counts are read from the binary result file it leaves in its working directory, and a
 *       requested test without a result, or with an error, fails the run with jcstress's own output.</li>
 * </ul>
 */
public final class Jcstress {

    static final String QUICK_FLAGS = "-sc false -f 1 -iters 3 -time 300";
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** A run with the reader's own flags — a thorough {@code -m default} takes minutes per test on 2 cores. */
    private static final Duration ASKED_LIMIT = Duration.ofMinutes(60);

    private Jcstress() {
    }

    /** The outcomes of one jcstress test, all forks merged. */
    public record Outcomes(String test, Map<String, Long> counts, long samples, String table) {

        /** How many times the outcome with this id (its result's text form, e.g. {@code "0, 0"}) was seen. */
        public long count(String outcome) {
            return counts.getOrDefault(outcome, 0L);
        }
    }

    /** The outcomes of every test of one run, by test class. */
    public static final class Results {
        private final Map<String, Outcomes> byName;

        Results(Map<String, Outcomes> byName) {
            this.byName = byName;
        }

        public Outcomes of(Class<?> test) {
            return Objects.requireNonNull(byName.get(test.getCanonicalName()), test.getCanonicalName());
        }
    }

    /**
     * Runs these jcstress test classes (each annotated {@code @JCStressTest}) in one child JVM and returns their
     * outcomes. Fails when jcstress could not run them, ran none of them, or reported an error in one. On a machine
     * that gives this JVM fewer than two CPUs, skips the calling test as inconclusive: jcstress needs a CPU per actor,
     * and its forks cannot even start there.
     */
    public static Results run(Class<?>... tests) throws InterruptedException {
        Conclusive.twoCpusOrSkip();
        List<String> names = Arrays.stream(tests).map(Class::getCanonicalName).toList();
        Path workDir = workDirFor(tests[0]);
        List<String> args = new ArrayList<>(List.of("-t", names.stream().map(Pattern::quote)
                .collect(Collectors.joining("|", "^(", ")$"))));
        String asked = System.getProperty("jcstress.args");
        args.addAll(List.of((asked == null ? QUICK_FLAGS : asked).trim().split("\\s+")));
        args.addAll(List.of("-jvmArgs", NATIVE_ACCESS, "-r", "report"));

        ChildJvm.Result run = ChildJvm.of("org.openjdk.jcstress.Main")
                .jvmArgs(NATIVE_ACCESS)
                .args(args)
                .workDir(workDir)
                .timeout(asked == null ? Duration.ofSeconds(90 + 45L * tests.length) : ASKED_LIMIT)
                .run();
        String console = run.output();
        writeQuietly(workDir.resolve("console.txt"), console);
        if (run.timedOut()) {
            throw new AssertionError("jcstress did not finish in time\n" + tail(console));
        }
        Map<String, Outcomes> outcomes = readResults(workDir, console);
        for (String name : names) {
            if (!outcomes.containsKey(name)) {
                throw new AssertionError("jcstress ran no test named " + name + " (exit status " + run.exitCode()
                        + "): is it annotated @JCStressTest, and compiled with the jcstress annotation processor?\n"
                        + tail(console));
            }
        }
        Results results = new Results(outcomes);
        for (String name : names) {
            System.out.println(outcomes.get(name).table());
        }
        return results;
    }

    private static Map<String, Outcomes> readResults(Path workDir, String console) {
        Path resultFile;
        try (Stream<Path> files = Files.list(workDir)) {
            resultFile = files.filter(f -> f.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz"))
                    .max(Comparator.comparing(f -> f.getFileName().toString()))
                    .orElseThrow(() -> new AssertionError("jcstress wrote no result file\n" + tail(console)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InProcessCollector collected = new InProcessCollector();
        try {
            DiskReadCollector reader = new DiskReadCollector(resultFile.toString(), collected);
            reader.dump();
            reader.close();
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("could not read " + resultFile, e);
        }
        Map<String, Outcomes> outcomes = new LinkedHashMap<>();
        for (TestResult result : ReportUtils.mergedByName(collected.getTestResults())) {
            if (result.status() != Status.NORMAL) {
                throw new AssertionError("jcstress test " + result.getName() + " ended with " + result.status() + ": "
                        + String.join("\n", result.getMessages()) + "\n" + tail(console));
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String state : result.getStateKeys()) {
                counts.put(state, result.getCount(state));
            }
            outcomes.put(result.getName(), new Outcomes(result.getName(), counts, result.getTotalCount(), table(result)));
        }
        return outcomes;
    }

    private static String table(TestResult result) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            out.println("jcstress " + result.getName() + " (" + String.format("%,d", result.getTotalCount()) + " samples)");
            ReportUtils.printResult(out, result, false);
        }
        return text.toString();
    }

    private static Path workDirFor(Class<?> test) {
        Path dir = Path.of(System.getProperty("basedir", "."), "target", "jcstress", topLevel(test).getSimpleName());
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path file : old.filter(f -> f.getFileName().toString().endsWith(".bin.gz")).toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static Class<?> topLevel(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer;
    }

    private static void writeQuietly(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException ignored) {
            // the console is also in the assertion message
        }
    }

    static String tail(String console) {
        List<String> lines = console.lines().toList();
        return "--- jcstress output (last 60 lines) ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
