package org.concurrencyhandbook.catalog;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs the static analysers a reader would add to a build — Error Prone and SpotBugs, and javac's own lints — over
 * every pitfall's code, once per test run, each in a JVM of its own, and hands back what they reported about concurrency. The examples'
 * own compilation is untouched: bad code is meant to be flagged, so the findings are recorded, never fatal.
 *
 * <p>Error Prone runs as a javac plugin over the chapters' main sources and the test-side variants ({@code Other*.java}),
 * every check demoted to a warning so that the compilation goes on; the same compilation reports javac's
 * {@code -Xlint:this-escape,synchronization}. SpotBugs runs at effort max, threshold low, over
 * the same classes. Only the checks listed below are kept: the rest (an unused field, a mutable object stored) are
 * not about concurrency, and no section claims them.
 */
final class StaticAnalysis {

    /** One thing an analyser reported: which analyser, which check, in which file of which package, at which line. */
    record Finding(String detector, String check, String packageName, String file, String className, int line) {
    }

    static final String ERROR_PRONE = "Error Prone";
    static final String JAVAC_LINT = "javac -Xlint";
    static final String SPOTBUGS = "SpotBugs";

    /** Error Prone's checks about concurrency, on by default or not (2.42.0): the off ones are switched on below. */
    static final Set<String> ERROR_PRONE_CHECKS = Set.of("GuardedBy", "LockOnBoxedPrimitive", "DoubleCheckedLocking",
            "SynchronizeOnNonFinalField", "NonAtomicVolatileUpdate", "WaitNotInLoop", "FutureReturnValueIgnored",
            "LockNotBeforeTry", "EmptyCatch", "InterruptedExceptionSwallowed", "Interruption", "ThreadJoinLoop",
            "DeadThread", "StaticGuardedByInstance", "UnsynchronizedOverridesSynchronized", "ClassInitializationDeadlock",
            "DateFormatConstant", "ThreadLocalUsage", "ErroneousThreadPoolConstructorChecker", "PrimitiveAtomicReference",
            "ThreadPriorityCheck", "ThreadBuilderNameWithPlaceholder", "SystemExitOutsideMain");
    private static final List<String> ERROR_PRONE_OFF_BY_DEFAULT = List.of("EmptyCatch", "InterruptedExceptionSwallowed",
            "Interruption", "ThreadPriorityCheck");

    /** javac's own lints about concurrency: an escaping {@code this}, a lock on a value-based object. */
    static final Set<String> JAVAC_LINTS = Set.of("this-escape", "synchronization");

    /** SpotBugs' multithreaded-correctness category, and the concurrency patterns it files elsewhere. */
    static final String SPOTBUGS_CATEGORY = "MT_CORRECTNESS";
    static final Set<String> SPOTBUGS_OTHER_PATTERNS = Set.of("IC_INIT_CIRCULARITY", "RV_RETURN_VALUE_IGNORED_BAD_PRACTICE",
            "STI_INTERRUPTED_ON_CURRENTTHREAD", "STI_INTERRUPTED_ON_UNKNOWNTHREAD", "RU_INVOKE_RUN", "DM_USELESS_THREAD",
            "SIC_THREADLOCAL_DEADLY_EMBRACE", "DMI_SCHEDULED_THREAD_POOL_EXECUTOR_WITH_ZERO_CORE_THREADS");

    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final Pattern MEMBER_CLASS = Pattern.compile("^    (?:\\w+ )*(?:class|record|enum) (\\w+)");
    private static final Pattern JAVAC_WARNING = Pattern.compile("^(.+\\.java):(\\d+): warning: \\[([\\w-]+)\\]", Pattern.MULTILINE);

    private StaticAnalysis() {
    }

    /** What both analysers reported on every pitfall of the catalog, kept for the rest of the test run. */
    static List<Finding> findings(Catalog catalog, Path root) {
        return Cached.of(catalog, root);
    }

    private static final class Cached {
        private static List<Finding> findings;

        static synchronized List<Finding> of(Catalog catalog, Path root) {
            if (findings == null) {
                try {
                    Path work = Files.createDirectories(root.resolve("catalog/target/detectors"));
                    List<Finding> all = new ArrayList<>(errorProne(catalog, root, work));
                    all.addAll(spotBugs(catalog, root, work));
                    findings = List.copyOf(all);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the analysers ran", e);
                }
            }
            return findings;
        }
    }

    private static List<String> modules(Catalog catalog) {
        return catalog.all().stream().map(Pitfall::module).distinct().toList();
    }

    private static List<Finding> errorProne(Catalog catalog, Path root, Path work) throws IOException, InterruptedException {
        List<String> sources = new ArrayList<>();
        for (Pitfall pitfall : catalog.all()) {
            sources.addAll(javaFiles(pitfall.sourceDirectory(root), name -> !name.equals("package-info.java")));
            sources.addAll(javaFiles(pitfall.testFile(root).getParent(), name -> name.startsWith("Other")));
        }
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString()));
        for (String javacPackage : List.of("api", "file", "main", "model", "parser", "processing", "tree", "util")) {
            command.add("-J--add-exports=jdk.compiler/com.sun.tools.javac." + javacPackage + "=ALL-UNNAMED");
        }
        command.addAll(List.of("-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
                "-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED"));
        StringBuilder plugin = new StringBuilder("-Xplugin:ErrorProne -XepAllErrorsAsWarnings -XepDisableWarningsInGeneratedCode");
        ERROR_PRONE_OFF_BY_DEFAULT.forEach(check -> plugin.append(" -Xep:").append(check).append(":WARN"));
        command.add("-Xlint:" + String.join(",", JAVAC_LINTS));
        command.addAll(List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", "-proc:full", "-processorpath", classPath,
                plugin.toString(), "-Xmaxwarns", "100000", "-cp", classPath,
                "-d", Files.createDirectories(work.resolve("error-prone-classes")).toString()));
        Path arguments = work.resolve("error-prone-sources.txt");
        Files.write(arguments, sources);
        command.add("@" + arguments);
        String output = run(command, work.resolve("error-prone.txt"));

        List<Finding> found = new ArrayList<>();
        Matcher warning = JAVAC_WARNING.matcher(output);
        while (warning.find()) {
            String check = warning.group(3);
            String detector = ERROR_PRONE_CHECKS.contains(check) ? ERROR_PRONE : JAVAC_LINTS.contains(check) ? JAVAC_LINT : null;
            if (detector != null) {
                Path file = Path.of(warning.group(1));
                String packageName = packageOf(root, file);
                int line = Integer.parseInt(warning.group(2));
                found.add(new Finding(detector, check, packageName, file.getFileName().toString(),
                        classAt(file, line), line));
            }
        }
        return found;
    }

    private static List<Finding> spotBugs(Catalog catalog, Path root, Path work) throws IOException, InterruptedException {
        Path report = work.resolve("spotbugs.xml");
        List<String> args = new ArrayList<>(List.of("-effort:max", "-low", "-xml:withMessages", "-output", report.toString(),
                "-onlyAnalyze", String.join(",", catalog.all().stream().map(p -> p.packageName() + ".*").toList()),
                "-auxclasspath", System.getProperty("java.class.path")));
        for (String module : modules(catalog)) {
            args.add(root.resolve(module).resolve("target/classes").toString());
            args.add(root.resolve(module).resolve("target/test-classes").toString());
        }
        ChildJvm.Result result = ChildJvm.of("edu.umd.cs.findbugs.FindBugs2").args(args).timeout(LIMIT).run();
        if (result.exitCode() != 0 || !Files.exists(report)) {
            throw new IllegalStateException("SpotBugs did not run: " + result.describe());
        }
        List<Finding> found = new ArrayList<>();
        try {
            NodeList bugs = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                    .getElementsByTagName("BugInstance");
            for (int i = 0; i < bugs.getLength(); i++) {
                Element bug = (Element) bugs.item(i);
                String type = bug.getAttribute("type");
                if (!bug.getAttribute("category").equals(SPOTBUGS_CATEGORY) && !SPOTBUGS_OTHER_PATTERNS.contains(type)) {
                    continue;
                }
                Element line = child(bug, "SourceLine");
                Element primaryClass = child(bug, "Class");
                if (line == null || primaryClass == null) {
                    continue;
                }
                String className = primaryClass.getAttribute("classname");
                String start = line.getAttribute("start");
                found.add(new Finding(SPOTBUGS, type, className.substring(0, className.lastIndexOf('.')),
                        line.getAttribute("sourcefile"), className.substring(className.lastIndexOf('.') + 1),
                        start.isEmpty() ? 0 : Integer.parseInt(start)));
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not read " + report, e);
        }
        return found;
    }

    /** The first child element with this tag — a direct child: a {@code Class} element has a {@code SourceLine} of its own. */
    private static Element child(Element parent, String tag) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        return null;
    }

    /**
     * The class a source line belongs to, as SpotBugs names it ({@code OtherCounters$VolatileTotalMerge}): the top-level
     * class, or the member class declared last above the line — the variants are member classes one level deep.
     */
    private static String classAt(Path file, int line) {
        try {
            List<String> lines = Files.readAllLines(file);
            String topLevel = file.getFileName().toString().replace(".java", "");
            for (int i = Math.min(line, lines.size()) - 1; i >= 0; i--) {
                Matcher member = MEMBER_CLASS.matcher(lines.get(i));
                if (member.find()) {
                    return topLevel + "$" + member.group(1);
                }
            }
            return topLevel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("javac with Error Prone ran past " + LIMIT.toMinutes() + " min");
            }
        } finally {
            process.destroyForcibly();
        }
        return Files.readString(log);
    }

    private static List<String> javaFiles(Path directory, java.util.function.Predicate<String> wanted) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".java") && wanted.test(f.getFileName().toString()))
                    .map(Path::toString).sorted().toList();
        }
    }

    private static String packageOf(Path root, Path file) {
        Path relative = root.relativize(file.toAbsolutePath().normalize());
        for (int i = 0; i < relative.getNameCount(); i++) {
            if (relative.getName(i).toString().equals("java")) {
                return relative.subpath(i + 1, relative.getNameCount() - 1).toString().replace(File.separatorChar, '.');
            }
        }
        throw new IllegalArgumentException("not a Java source of the handbook: " + file);
    }
}
