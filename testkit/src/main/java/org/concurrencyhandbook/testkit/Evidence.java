package org.concurrencyhandbook.testkit;

import org.junit.jupiter.api.TestReporter;

/**
 * What a pitfall's test saw, in the words and numbers a reader learns from ("7,500 of 10,000 deposits lost").
 * Published through JUnit's {@link TestReporter}, collected by {@link EvidenceRecorder}, and printed in the table at
 * the end of {@code ./mvnw test}: the figures come from the run, never from a typed-in string.
 */
public final class Evidence {

    static final String BAD = "handbook.bad";
    static final String GOOD = "handbook.good";
    static final String WRONG_FIX = "handbook.wrong-fix";
    static final String RIGHT_FIX = "handbook.right-fix";
    static final String DETECTED = "handbook.detected";

    private Evidence() {
    }

    /** Records what the bad implementation was seen doing wrong. Call it after the assertion that proves it. */
    public static void badShowed(TestReporter reporter, String format, Object... args) {
        reporter.publishEntry(BAD, format.formatted(args));
    }

    /** Records the invariant the good implementation held, under the same load. Call it after the assertion. */
    public static void goodHeld(TestReporter reporter, String format, Object... args) {
        reporter.publishEntry(GOOD, format.formatted(args));
    }

    /** Records that a tempting wrong fix was caught by the same scenario: what it was seen doing wrong. */
    public static void wrongFixCaught(TestReporter reporter, Fix<?> fix, String format, Object... args) {
        reporter.publishEntry(WRONG_FIX, fix.name() + ": " + format.formatted(args));
    }

    /**
     * Records what a tool that watches a running JVM — {@code ThreadMXBean}, a thread dump, jcstress — made of the bad
     * example in this run: whether it caught the failure, and how, or why not. The GUIDE's appendix "What catches it"
     * is checked against these records, build after build, so the words must not carry the run's figures (those go in
     * {@link #badShowed}).
     */
    public static void detected(TestReporter reporter, String detector, boolean caught, String format, Object... args) {
        reporter.publishEntry(DETECTED, detector + "\t" + caught + "\t" + format.formatted(args));
    }

    /** Records that another fix the GUIDE recommends held under the same scenario. */
    public static void rightFixHeld(TestReporter reporter, Fix<?> fix, String format, Object... args) {
        reporter.publishEntry(RIGHT_FIX, fix.name() + ": " + format.formatted(args));
    }
}
