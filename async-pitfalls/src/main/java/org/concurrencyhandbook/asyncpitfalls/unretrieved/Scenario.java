package org.concurrencyhandbook.asyncpitfalls.unretrieved;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every handler runs: {@value #FILE_COUNT} uploads; parsing {@code b.csv} fails (a malformed line), and
 * storing {@code d.csv} fails (the disk is full). The scenario waits until every step has run — on whatever executor
 * the handler chose — and then half a second for the reports, which take microseconds: the one timed judgment. It
 * compares the failures the steps threw with those the error channel received (as themselves, or as the cause of a
 * {@code CompletionException}), and counts the calls of the JVM's default uncaught-exception handler — the one that
 * prints a dying thread's stack trace. Nothing races: the same failures on every run, one CPU included. The
 * invariant: every failure a step threw reached the error channel, once.
 */
final class Scenario {

    static final List<String> FILES = List.of("a.csv", "b.csv", "c.csv", "d.csv");
    static final int FILE_COUNT = 4;
    static final Duration REPORTING_GRACE = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** The failures the steps threw, those the error channel received, and the uncaught handler's calls. */
    record Outcome(List<Throwable> thrown, List<Throwable> reported, int uncaughtHandlerCalls) {
        /** Failures thrown that no report carries — as itself, or as the cause of a {@code CompletionException}. */
        List<String> lost() {
            return thrown.stream().filter(failure -> reported.stream().noneMatch(seen -> carries(seen, failure)))
                    .map(Throwable::getMessage).toList();
        }

        private static boolean carries(Throwable report, Throwable failure) {
            for (Throwable cause = report; cause != null; cause = cause.getCause()) {
                if (cause == failure) {
                    return true;
                }
            }
            return false;
        }

        Verdict verdict() {
            return lost().isEmpty() && reported.size() == thrown.size() ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }

        /** The steps threw what the scenario makes them throw: at least the parse's and the store's failure. */
        boolean stepsRan() {
            return thrown.size() >= 2;
        }
    }

    static Outcome run(UploadHandler.Maker maker) throws InterruptedException {
        List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> reported = Collections.synchronizedList(new ArrayList<>());
        // Four parses and the three stores of the files whose parse succeeds; a handler that stores a failed parse's
        // null makes a fourth, counted too.
        CountDownLatch stepsDone = new CountDownLatch(FILE_COUNT + FILE_COUNT - 1);
        UploadHandler.Steps steps = failingSteps(thrown, stepsDone::countDown);
        AtomicInteger uncaught = new AtomicInteger();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> uncaught.incrementAndGet());
        try {
            UploadHandler handler = maker.make(steps, reported::add);
            FILES.forEach(handler::onUpload);
            // Every step has run — the last store included — whichever executor the handler uses.
            if (!stepsDone.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the uploads were still running after " + PATIENCE.toSeconds() + " s");
            }
            // What follows the steps — a handler reporting — takes microseconds.
            Thread.sleep(REPORTING_GRACE);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        Outcome outcome = new Outcome(List.copyOf(thrown), List.copyOf(reported), uncaught.get());
        if (!outcome.stepsRan()) {
            throw new IllegalStateException("the steps did not throw what the scenario made them throw: " + thrown);
        }
        return outcome;
    }

    /**
     * The steps of every run: b.csv's parse fails, d.csv's store fails, and so does storing a failed parse's
     * {@code null}; each failure is added to {@code thrown} as it is thrown, and {@code stepBegins} runs as each step
     * begins.
     */
    static UploadHandler.Steps failingSteps(List<Throwable> thrown, Runnable stepBegins) {
        return new UploadHandler.Steps() {
            @Override
            public String parse(String file) {
                stepBegins.run();
                if (file.equals("b.csv")) {
                    throw recorded(new IllegalArgumentException("parsing b.csv: malformed line 3"));
                }
                return file + " parsed";
            }

            @Override
            public void store(String parsed) {
                stepBegins.run();
                if (parsed == null) {
                    throw recorded(new IllegalArgumentException("storing: nothing to store, a failed parse's null"));
                }
                if (parsed.startsWith("d.csv")) {
                    throw recorded(new IllegalStateException("storing d.csv: disk full"));
                }
            }

            private RuntimeException recorded(RuntimeException failure) {
                thrown.add(failure);
                return failure;
            }
        };
    }

    static Verdict demonstrate(String example, UploadHandler.Maker maker) throws InterruptedException {
        Outcome outcome = run(maker);
        System.out.printf("4.3 The exception nobody retrieves — %s%n", example);
        System.out.printf("%d uploads handled in the background; the steps threw %d failures: %s.%n", FILE_COUNT,
                outcome.thrown().size(), String.join("; ", outcome.thrown().stream().map(Throwable::getMessage).toList()));
        System.out.printf("Reported to the error channel: %d. The JVM's uncaught-exception handler was called %d times.%n",
                outcome.reported().size(), outcome.uncaughtHandlerCalls());
        if (!outcome.lost().isEmpty()) {
            System.out.printf("NEVER RETRIEVED: %s — kept in a future nobody held; nothing printed, nobody told.%n",
                    String.join("; ", outcome.lost()));
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("Every failure reached the error channel.");
        }
        return outcome.verdict();
    }
}
