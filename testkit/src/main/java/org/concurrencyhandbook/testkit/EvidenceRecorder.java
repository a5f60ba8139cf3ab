package org.concurrencyhandbook.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects, per test class, the figures published through {@link Evidence} and whether the class passed, and writes
 * them to {@code target/handbook-evidence/<class>.properties} when the test run ends. The catalog module, built
 * last, turns these files into the end-of-run report. Registered with the JUnit Platform through
 * {@code META-INF/services}, so every module that has testkit on its test class path records without asking.
 */
public final class EvidenceRecorder implements TestExecutionListener {

    /** Where a module's figures go, below its base directory. */
    public static final String DIRECTORY = "target/handbook-evidence";

    private static final class ClassRecord {
        final List<String> bad = new ArrayList<>();
        final List<String> good = new ArrayList<>();
        final List<String> wrongFixes = new ArrayList<>();
        final List<String> rightFixes = new ArrayList<>();
        final List<String> detected = new ArrayList<>();
        TestExecutionResult.Status worst = TestExecutionResult.Status.SUCCESSFUL;
        String skippedBecause = "";
        int skipped;
        int tests;
    }

    private final Map<String, ClassRecord> records = new ConcurrentHashMap<>();

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        String testClass = classOf(test.getSource().orElse(null));
        if (testClass == null) {
            return;
        }
        ClassRecord record = records.computeIfAbsent(testClass, name -> new ClassRecord());
        entry.getKeyValuePairs().forEach((key, value) -> {
            synchronized (record) {
                if (key.equals(Evidence.BAD)) {
                    record.bad.add(value);
                } else if (key.equals(Evidence.GOOD)) {
                    record.good.add(value);
                } else if (key.equals(Evidence.WRONG_FIX)) {
                    record.wrongFixes.add(value);
                } else if (key.equals(Evidence.RIGHT_FIX)) {
                    record.rightFixes.add(value);
                } else if (key.equals(Evidence.DETECTED)) {
                    record.detected.add(value);
                }
            }
        });
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        String testClass = classOf(test.getSource().orElse(null));
        if (testClass == null) {
            return;
        }
        ClassRecord record = records.computeIfAbsent(testClass, name -> new ClassRecord());
        synchronized (record) {
            if (test.isTest()) {
                record.tests++;
            }
            if (result.getStatus().ordinal() > record.worst.ordinal()) {
                record.worst = result.getStatus();
            }
            if (result.getStatus() == TestExecutionResult.Status.ABORTED && test.isTest()) {
                record.skipped++;
            }
            if (result.getStatus() == TestExecutionResult.Status.ABORTED && record.skippedBecause.isEmpty()) {
                record.skippedBecause = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (records.size() == 1) {
            records.forEach(EvidenceRecorder::printAlone);
        }
        Path directory = Path.of(System.getProperty("basedir", "."), DIRECTORY);
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, ClassRecord> entry : records.entrySet()) {
                ClassRecord record = entry.getValue();
                Properties figures = new Properties();
                figures.setProperty("build", System.getProperty("handbook.build", ""));
                figures.setProperty("result", record.worst.name());
                figures.setProperty("tests", Integer.toString(record.tests));
                figures.setProperty("bad", String.join("; ", record.bad));
                figures.setProperty("good", String.join("; ", record.good));
                figures.setProperty("wrongFixesCaught", Integer.toString(record.wrongFixes.size()));
                figures.setProperty("wrongFixes", String.join("; ", record.wrongFixes));
                figures.setProperty("rightFixesHeld", Integer.toString(record.rightFixes.size()));
                figures.setProperty("rightFixes", String.join("; ", record.rightFixes));
                figures.setProperty("detected", String.join("\n", record.detected));
                figures.setProperty("skipped", record.skippedBecause);
                figures.setProperty("skippedTests", Integer.toString(record.skipped));
                try (Writer out = Files.newBufferedWriter(directory.resolve(entry.getKey() + ".properties"))) {
                    figures.store(out, "figures recorded by " + entry.getKey());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A test class run on its own (one {@code -Dtest}, the IDE) has no end-of-run table to show what it saw, so its
     * figures go to the console.
     */
    private static void printAlone(String testClass, ClassRecord record) {
        synchronized (record) {
            printFigures(testClass, record);
        }
    }

    private static void printFigures(String testClass, ClassRecord record) {
        if (record.bad.isEmpty() && record.good.isEmpty() && record.wrongFixes.isEmpty() && record.rightFixes.isEmpty()
                && record.skippedBecause.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(System.lineSeparator())
                .append("What ").append(testClass.substring(testClass.lastIndexOf('.') + 1)).append(" saw:")
                .append(System.lineSeparator());
        record.bad.forEach(line -> text.append("  bad example:      ").append(line).append(System.lineSeparator()));
        record.good.forEach(line -> text.append("  good example:     ").append(line).append(System.lineSeparator()));
        record.wrongFixes.forEach(line -> text.append("  wrong fix caught: ").append(line).append(System.lineSeparator()));
        record.rightFixes.forEach(line -> text.append("  right fix held:   ").append(line).append(System.lineSeparator()));
        if (!record.skippedBecause.isEmpty()) {
            text.append("  inconclusive here").append(record.skipped > 0 ? " (" + record.skipped + " skipped)" : "")
                    .append(": ").append(record.skippedBecause).append(System.lineSeparator());
        }
        System.out.print(text);
    }

    /** The top-level test class: the figures of {@code @Nested} classes belong to their enclosing test. */
    private static String classOf(TestSource source) {
        String name = switch (source) {
            case MethodSource method -> method.getClassName();
            case ClassSource type -> type.getClassName();
            case null, default -> null;
        };
        return name == null ? null : name.split("\\$", 2)[0];
    }
}
