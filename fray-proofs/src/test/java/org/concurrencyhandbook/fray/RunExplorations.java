package org.concurrencyhandbook.fray;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.IntStream;
import org.concurrencyhandbook.support.Facts;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A JVM on Fray's JDK: runs its share of the handbook's {@code FrayExplorationTest} classes with the JUnit Platform —
 * the handbook's evidence recorder included, which prints what each saw — records how many passed, and exits 0 only if
 * all did. Its arguments, {@code share shares}, deal the classes, sorted by name, round the JVMs: Fray runs one thread
 * at a time, so one JVM per core is what uses the machine. The counts are recorded last: a JVM that ends before (Fray
 * calls {@code System.exit} on some errors of its own) leaves none, and the test that started it fails.
 */
public final class RunExplorations {

    private RunExplorations() {
    }

    public static void main(String[] args) {
        int share = Integer.parseInt(args[0]);
        int shares = Integer.parseInt(args[1]);
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("org.concurrencyhandbook"))
                .filters(includeClassNamePatterns(".*\\.FrayExplorationTest")).build());
        List<String> classes = plan.getRoots().stream().flatMap(engine -> plan.getChildren(engine).stream())
                .flatMap(test -> test.getSource().stream()).filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getClassName()).sorted().toList();
        List<String> mine = IntStream.range(0, classes.size()).filter(i -> i % shares == share).mapToObj(classes::get).toList();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestExecutionListener lines = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    System.out.printf("  %s: %s%n", result.getStatus().name().toLowerCase(), test.getUniqueId());
                }
            }
        };
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(mine.stream().map(name -> selectClass(name)).toList()).build(), summary, lines);
        TestExecutionSummary result = summary.getSummary();
        System.out.printf("%d explorations: %d passed, %d failed%n", result.getTestsFoundCount(),
                result.getTestsSucceededCount(), result.getTotalFailureCount());
        Facts.record("found", result.getTestsFoundCount());
        Facts.record("passed", result.getTestsSucceededCount());
        if (result.getTotalFailureCount() > 0) {
            result.printFailuresTo(new PrintWriter(System.out, true), 12);
        }
        System.exit(result.getTotalFailureCount() == 0 && result.getTestsSucceededCount() > 0 ? 0 : 1);
    }
}
