package org.concurrencyhandbook.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import org.concurrencyhandbook.support.Verdict;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one test class once, in a JVM of its own, for {@code ./handbook check}'s repeated runs: one JVM per run, as the
 * build runs it, without Maven's start-up cost. Prints "N tests: P passed, F failed, S skipped" and exits 1 when any
 * test failed (with the first failures printed), 3 when none passed — all skipped as inconclusive on this machine —
 * and 0 otherwise, some tests perhaps skipped (1.9's wrong fix that x86-64 cannot show is skipped in every run).
 */
public final class RunTestClass {

    private RunTestClass() {
    }

    public static void main(String[] args) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(args[0])).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        long skipped = summary.getTestsSkippedCount() + summary.getTestsAbortedCount() + summary.getContainersAbortedCount();
        System.out.printf("%d tests: %d passed, %d failed, %d skipped%n", summary.getTestsFoundCount(),
                summary.getTestsSucceededCount(), summary.getTotalFailureCount(), skipped);
        if (summary.getTotalFailureCount() > 0) {
            summary.printFailuresTo(new PrintWriter(System.out, true), 8);
            System.exit(1);
        }
        System.exit(summary.getTestsSucceededCount() == 0 ? Verdict.INCONCLUSIVE.exitStatus() : 0);
    }
}
