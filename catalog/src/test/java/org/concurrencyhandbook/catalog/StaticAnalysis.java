package org.concurrencyhandbook.catalog;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Runs the static analysers a reader would add to a build — Error Prone and SpotBugs, and javac's own lints — over
 * every pitfall's code, once per test run, each in a JVM of its own, and hands back what they reported about
 * concurrency. The examples' own compilation is untouched: bad code is meant to be flagged, so the findings are
 * recorded, never fatal.
 *
 * <p>Error Prone runs as a javac plugin over the chapters' main sources and the test-side variants ({@code Other*.java}),
 * every check demoted to a warning so that the compilation goes on; the same compilation reports javac's
 * {@code -Xlint:this-escape,identity}. SpotBugs runs at effort max, threshold low, over the same classes. Only
 * the checks listed below are kept: the rest (an unused field, a mutable object stored) are not about concurrency, and
 * no section claims them.
 *
 * <p>An analyser that did not really run must not read as "nothing catches it": the runs include a control,
 * {@code KnownFindings} (a test resource, never compiled by the build), with code each analyser is known to flag, and
 * {@link #findings} fails unless every one of its findings was reported — and unless javac compiled everything and
 * SpotBugs analysed classes without an error.
 */
final class StaticAnalysis {

    /**
     * One thing an analyser reported: which analyser, which check, in which file of which package, at which line, and
     * in which declaration — {@code where} is how a reader finds it: {@code BadExample.hit}, {@code BadExample.Currencies}
     * (a class's static initializer or its fields), as the source names them.
     */
    record Finding(String detector, String check, String packageName, String file, String className, String where, int line) {
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

    /**
     * javac's own lints about concurrency: an escaping {@code this}, and a lock on a value-based object — {@code identity}
     * in javac 25, which still accepts its older name {@code synchronization} (JDK 16–24) as a flag.
     */
    static final Set<String> JAVAC_LINTS = Set.of("this-escape", "identity");

    /** SpotBugs' multithreaded-correctness category, and the concurrency patterns it files elsewhere. */
    static final String SPOTBUGS_CATEGORY = "MT_CORRECTNESS";
    static final Set<String> SPOTBUGS_OTHER_PATTERNS = Set.of("IC_INIT_CIRCULARITY", "RV_RETURN_VALUE_IGNORED_BAD_PRACTICE",
            "STI_INTERRUPTED_ON_CURRENTTHREAD", "STI_INTERRUPTED_ON_UNKNOWNTHREAD", "RU_INVOKE_RUN", "DM_USELESS_THREAD",
            "SIC_THREADLOCAL_DEADLY_EMBRACE", "DMI_SCHEDULED_THREAD_POOL_EXECUTOR_WITH_ZERO_CORE_THREADS");

    static final String CONTROL_PACKAGE = "org.concurrencyhandbook.catalog.controls";
    private static final String CONTROL_RESOURCE = "KnownFindings.java.txt";
    /** What each analyser must report on the control, or it did not run. */
    private static final Map<String, String> CONTROL_FINDINGS = Map.of("NonAtomicVolatileUpdate", ERROR_PRONE,
            "VO_VOLATILE_INCREMENT", SPOTBUGS, "this-escape", JAVAC_LINT, "identity", JAVAC_LINT);

    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final Pattern JAVAC_WARNING = Pattern.compile("^(.+\\.java):(\\d+): warning: \\[([\\w-]+)\\]", Pattern.MULTILINE);
    private static final Pattern JAVAC_ERROR = Pattern.compile("^.+\\.java:\\d+: error: .*$", Pattern.MULTILINE);

    private StaticAnalysis() {
    }

    /**
     * What the analysers reported on every pitfall of the catalog — the control left out — computed once and kept for
     * the rest of the test run, failure included.
     */
    static List<Finding> findings(Catalog catalog, Path root) {
        return Cached.of(catalog, root);
    }

    private static final class Cached {
        private static List<Finding> findings;
        private static RuntimeException failure;

        static synchronized List<Finding> of(Catalog catalog, Path root) {
            if (findings == null && failure == null) {
                try {
                    findings = run(catalog, root);
                } catch (RuntimeException e) {
                    failure = e;
                } catch (IOException e) {
                    failure = new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted while the analysers ran", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return findings;
        }
    }

    private static List<Finding> run(Catalog catalog, Path root) throws IOException, InterruptedException {
        Path work = Files.createDirectories(root.resolve("catalog/target/detectors"));
        Path control = Files.createDirectories(work.resolve("controls").resolve(CONTROL_PACKAGE.replace('.', '/')))
                .resolve("KnownFindings.java");
        try (var resource = StaticAnalysis.class.getResourceAsStream(CONTROL_RESOURCE)) {
            Files.write(control, resource.readAllBytes());
        }
        List<Path> sources = new ArrayList<>(List.of(control));
        for (Pitfall pitfall : catalog.all()) {
            sources.addAll(javaFiles(pitfall.sourceDirectory(root), name -> !name.equals("package-info.java")));
            sources.addAll(javaFiles(pitfall.testFile(root).getParent(), name -> name.startsWith("Other")));
        }
        Map<Path, SourceLocator> locators = new ConcurrentHashMap<>();
        Function<Path, SourceLocator> locator = file -> locators.computeIfAbsent(file.toAbsolutePath().normalize(),
                SourceLocator::parse);
        Path classes = work.resolve("classes");
        List<Finding> all = new ArrayList<>(javacWithErrorProne(sources, locator, classes, work));
        all.addAll(spotBugs(catalog, sources, locator, classes, work));
        for (Map.Entry<String, String> expected : CONTROL_FINDINGS.entrySet()) {
            if (all.stream().noneMatch(f -> f.packageName().equals(CONTROL_PACKAGE) && f.check().equals(expected.getKey()))) {
                throw new IllegalStateException(expected.getValue() + " did not report " + expected.getKey() + " on the"
                        + " control " + control + ": it did not really run, so its silence on the pitfalls proves nothing"
                        + " (its output is in " + work + ")");
            }
        }
        return all.stream().filter(f -> !f.packageName().equals(CONTROL_PACKAGE)).toList();
    }

    private static List<Finding> javacWithErrorProne(List<Path> sources, Function<Path, SourceLocator> locator,
            Path classes, Path work) throws IOException, InterruptedException {
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
                plugin.toString(), "-Xmaxwarns", "100000", "-cp", classPath, "-d", deleteAndCreate(classes).toString()));
        Path arguments = work.resolve("javac-sources.txt");
        Files.write(arguments, sources.stream().map(Path::toString).toList());
        command.add("@" + arguments);
        Path log = work.resolve("javac.txt");
        int exit = run(command, log);
        String output = Files.readString(log);
        Matcher error = JAVAC_ERROR.matcher(output);
        if (exit != 0 || error.find()) {
            throw new IllegalStateException("javac with Error Prone failed (exit " + exit + "), so it analysed nothing"
                    + (error.find(0) ? ": " + error.group() : "") + " — see " + log);
        }

        List<Finding> found = new ArrayList<>();
        Matcher warning = JAVAC_WARNING.matcher(output);
        while (warning.find()) {
            String check = warning.group(3);
            String detector = ERROR_PRONE_CHECKS.contains(check) ? ERROR_PRONE : JAVAC_LINTS.contains(check) ? JAVAC_LINT : null;
            if (detector != null) {
                Path file = Path.of(warning.group(1));
                int line = Integer.parseInt(warning.group(2));
                SourceLocator source = locator.apply(file);
                found.add(new Finding(detector, check, source.packageName(), file.getFileName().toString(),
                        source.classAt(line), source.declarationAt(line), line));
            }
        }
        return found;
    }

    private static List<Finding> spotBugs(Catalog catalog, List<Path> sources, Function<Path, SourceLocator> locator,
            Path classes, Path work) throws IOException, InterruptedException {
        Path report = work.resolve("spotbugs.xml");
        Files.deleteIfExists(report);
        List<String> packages = new ArrayList<>(catalog.all().stream().map(p -> p.packageName() + ".*").toList());
        packages.add(CONTROL_PACKAGE + ".*");
        List<String> args = new ArrayList<>(List.of("-effort:max", "-low", "-xml:withMessages", "-output", report.toString(),
                "-onlyAnalyze", String.join(",", packages), "-auxclasspath", System.getProperty("java.class.path"),
                classes.toString()));
        ChildJvm.Result result = ChildJvm.of("edu.umd.cs.findbugs.FindBugs2").args(args).timeout(LIMIT).run();
        if (result.exitCode() != 0 || !Files.exists(report)) {
            throw new IllegalStateException("SpotBugs did not run: " + result.describe());
        }
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("could not read " + report, e);
        }
        Element summary = (Element) document.getElementsByTagName("FindBugsSummary").item(0);
        Element errors = (Element) document.getElementsByTagName("Errors").item(0);
        if (summary == null || Integer.parseInt(summary.getAttribute("total_classes")) == 0
                || (errors != null && !errors.getAttribute("errors").equals("0"))) {
            throw new IllegalStateException("SpotBugs analysed no class, or failed on some (" + report + ")");
        }
        List<Finding> found = new ArrayList<>();
        NodeList bugs = document.getElementsByTagName("BugInstance");
        for (int i = 0; i < bugs.getLength(); i++) {
            Element bug = (Element) bugs.item(i);
            String type = bug.getAttribute("type");
            if (!bug.getAttribute("category").equals(SPOTBUGS_CATEGORY) && !SPOTBUGS_OTHER_PATTERNS.contains(type)) {
                continue;
            }
            Element primaryClass = child(bug, "Class", true);
            Element classLines = primaryClass == null ? null : child(primaryClass, "SourceLine", false);
            if (classLines == null) {
                throw new IllegalStateException("SpotBugs reported " + type + " with no class or source file (" + report + ")");
            }
            Element lines = child(bug, "SourceLine", true);
            String start = lines == null ? "" : lines.getAttribute("start");
            int line = start.isEmpty() ? 0 : Integer.parseInt(start);
            String className = primaryClass.getAttribute("classname");
            String sourceFile = classLines.getAttribute("sourcefile");
            Path source = sources.stream()
                    .filter(path -> path.endsWith(Path.of(classLines.getAttribute("sourcepath"))))
                    .findFirst().orElseThrow(() -> new IllegalStateException("SpotBugs reported " + type + " in "
                            + classLines.getAttribute("sourcepath") + ", which was not analysed (" + report + ")"));
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            found.add(new Finding(SPOTBUGS, type, className.substring(0, className.lastIndexOf('.')), sourceFile,
                    simpleName, line == 0 ? simpleName.replace('$', '.') : locator.apply(source).declarationAt(line), line));
        }
        return found;
    }

    /**
     * The direct child with this tag — the one marked {@code primary="true"} when asked and there is one, else the first.
     * Direct, because a {@code Class} element has a {@code SourceLine} of its own.
     */
    private static Element child(Element parent, String tag, boolean preferPrimary) {
        Element first = null;
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                if (!preferPrimary || element.getAttribute("primary").equals("true")) {
                    return element;
                }
                first = first == null ? element : first;
            }
        }
        return first;
    }

    /**
     * Where in a source file a line is, found in the file's parse tree: the innermost class declaration around it, named
     * as SpotBugs names it ({@code OtherCounters$VolatileTotalMerge}), and the declaration a reader would look in — a
     * method or constructor ({@code BadExample.hit}), else the class itself ({@code BadExample.Currencies}, for a field's
     * initializer or a static block).
     */
    private record SourceLocator(String packageName, List<Span> classes, List<Span> methods) {

        private record Span(String name, long firstLine, long lastLine) {
            boolean holds(long line) {
                return firstLine <= line && line <= lastLine;
            }
        }

        static SourceLocator parse(Path file) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            try (var files = javac.getStandardFileManager(null, null, null)) {
                JavacTask task = (JavacTask) javac.getTask(null, files, diagnostic -> { }, List.of("-proc:none"), null,
                        files.getJavaFileObjects(file));
                CompilationUnitTree unit = task.parse().iterator().next();
                SourcePositions positions = Trees.instance(task).getSourcePositions();
                List<Span> classes = new ArrayList<>();
                List<Span> methods = new ArrayList<>();
                new TreePathScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree type, String outer) {
                        String name = outer == null ? type.getSimpleName().toString() : outer + "$" + type.getSimpleName();
                        classes.add(span(name, type));
                        return super.visitClass(type, name);
                    }

                    @Override
                    public Void visitMethod(MethodTree method, String owner) {
                        String name = method.getName().contentEquals("<init>") ? owner.substring(owner.lastIndexOf('$') + 1)
                                                                               : method.getName().toString();
                        methods.add(span(owner.replace('$', '.') + "." + name, method));
                        return super.visitMethod(method, owner);
                    }

                    private Span span(String name, Tree tree) {
                        return new Span(name, unit.getLineMap().getLineNumber(positions.getStartPosition(unit, tree)),
                                unit.getLineMap().getLineNumber(positions.getEndPosition(unit, tree)));
                    }
                }.scan(unit, null);
                return new SourceLocator(unit.getPackageName().toString(), classes, methods);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String classAt(long line) {
            return innermost(classes, line).map(Span::name).orElse("");
        }

        String declarationAt(long line) {
            return innermost(methods, line).filter(method -> method.name().startsWith(classAt(line).replace('$', '.') + "."))
                    .map(Span::name).orElseGet(() -> classAt(line).replace('$', '.'));
        }

        private static Optional<Span> innermost(List<Span> spans, long line) {
            return spans.stream().filter(span -> span.holds(line)).reduce((outer, inner) -> inner);
        }
    }

    private static int run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("javac with Error Prone ran past " + LIMIT.toMinutes() + " min");
            }
            return process.exitValue();
        } finally {
            process.destroyForcibly();
        }
    }

    private static Path deleteAndCreate(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> old = Files.walk(directory)) {
                for (Path path : old.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(directory);
    }

    private static List<Path> javaFiles(Path directory, Predicate<String> wanted) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".java") && wanted.test(f.getFileName().toString()))
                    .sorted().toList();
        }
    }
}
