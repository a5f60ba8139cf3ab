package org.concurrencyhandbook.testkit;

import java.util.function.Supplier;
import org.concurrencyhandbook.support.ConcurrentRounds;
import org.concurrencyhandbook.support.Verdict;
import org.junit.jupiter.api.Assumptions;

/**
 * A run that could not exercise the race (one CPU, threads that never overlapped) proves nothing either way: the test
 * is skipped with the reason — reported as "inconclusive here" at the end of the build — never passed, and never
 * failed for want of a core.
 */
public final class Conclusive {

    private Conclusive() {
    }

    /** Skips the calling test, saying why, when {@code verdict} is {@link Verdict#INCONCLUSIVE}. */
    public static void orSkip(Verdict verdict, Supplier<String> reason) {
        Assumptions.assumeFalse(verdict == Verdict.INCONCLUSIVE, () -> "inconclusive on this machine: " + reason.get());
    }

    /** Returns {@code report}, or skips the calling test with its reason when the rounds were inconclusive. */
    public static <D> ConcurrentRounds.Report<D> orSkip(ConcurrentRounds.Report<D> report) {
        orSkip(report.verdict(), () -> report.inconclusiveReason().orElseThrow());
        return report;
    }

    /** Skips the calling test when this JVM has fewer than two CPUs: no two of its threads ever run at once. */
    public static void twoCpusOrSkip() {
        int processors = Runtime.getRuntime().availableProcessors();
        Assumptions.assumeTrue(processors >= 2,
                () -> "inconclusive on this machine: this JVM has " + processors + " CPU, so no two threads run at once");
    }
}
