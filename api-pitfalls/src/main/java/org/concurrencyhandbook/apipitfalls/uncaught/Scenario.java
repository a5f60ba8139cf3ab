package org.concurrencyhandbook.apipitfalls.uncaught;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every implementation runs: three exports — the big one (orders) and two small ones (invoices,
 * customers); orders fails with "disk full", invoices with "no such table", customers succeeds. The scenario knows
 * each exception it threw, and asks where each one went: into the list the caller gets back (or as the cause of
 * something in it), and to the JVM's default uncaught-exception handler — which prints a stack trace to stderr and
 * nothing more; for the run, the scenario puts a handler there that counts instead of printing, and restores the
 * previous one after. Each export starts only once the caller waits for the exports (or has answered), so a caller
 * that answers without waiting answers before any export has ended, on every run. The invariant: every failure reaches the caller — in the list it gets back, as the cause or a
 * suppressed exception of something in it, or thrown at it — and the answer comes after every export has ended.
 */
final class Scenario {

    static final String BIG_EXPORT = "orders";
    static final List<String> SMALL_EXPORTS = List.of("invoices", "customers");
    static final Map<String, String> FAILS_WITH = Map.of("orders", "disk full", "invoices", "no such table");

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** One export that threw: its name and message, and where its exception went. */
    record Failure(String export, String message, boolean printedByDefault, boolean reachedCaller) {
        String inWords() {
            return "\"" + message + "\" (" + export + "): " + (reachedCaller ? "reached the caller"
                    : printedByDefault ? "printed to stderr, never reached the caller"
                    : "not even printed, never reached the caller");
        }
    }

    /** What each failure did, and whether the caller got its answer before all the exports had ended. */
    record Outcome(List<Failure> failures, boolean answeredBeforeTheEnd) {
        long reachedCaller() {
            return failures.stream().filter(Failure::reachedCaller).count();
        }

        long printedByDefault() {
            return failures.stream().filter(Failure::printedByDefault).count();
        }

        Verdict verdict() {
            return answeredBeforeTheEnd || reachedCaller() < failures.size() ? Verdict.FAILURE_SHOWN : Verdict.INVARIANT_HELD;
        }
    }

    static Outcome run(NightlyExports exports) throws InterruptedException {
        Map<Throwable, String> thrown = new ConcurrentHashMap<>();
        Set<Throwable> printed = ConcurrentHashMap.newKeySet();
        AtomicInteger ended = new AtomicInteger();
        AtomicBoolean answered = new AtomicBoolean();
        Thread caller = Thread.currentThread();
        Gate gate = () -> Await.arrivedOrBlocked(List.of(caller), thread -> answered.get()
                || thread.getState() == Thread.State.TIMED_WAITING, PATIENCE);
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> printed.add(failure));
        List<Throwable> reported;
        int endedByTheAnswer;
        try {
            List<Runnable> small = SMALL_EXPORTS.stream().map(name -> export(name, thrown, ended, gate)).toList();
            try {
                reported = List.copyOf(exports.runAll(export(BIG_EXPORT, thrown, ended, gate), small));
            } catch (RuntimeException failureThrownToTheCaller) {
                reported = List.of(failureThrownToTheCaller);
            }
            endedByTheAnswer = ended.get();
            answered.set(true);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        List<Failure> failures = new ArrayList<>();
        List<Throwable> toldToTheCaller = reported;
        thrown.forEach((failure, export) -> failures.add(new Failure(export, failure.getMessage(), printed.contains(failure),
                toldToTheCaller.stream().anyMatch(seen -> causedBy(seen, failure)))));
        failures.sort((a, b) -> a.export().compareTo(b.export()));
        return new Outcome(failures, endedByTheAnswer < 1 + SMALL_EXPORTS.size());
    }

    /** Where each export waits before it starts: until the caller waits for it, or has already answered. */
    @FunctionalInterface
    private interface Gate {
        void pass();
    }

    private static Runnable export(String name, Map<Throwable, String> thrown, AtomicInteger ended, Gate gate) {
        return () -> {
            gate.pass();
            try {
                String message = FAILS_WITH.get(name);
                if (message != null) {
                    IllegalStateException failure = new IllegalStateException(message);
                    thrown.put(failure, name);
                    throw failure;
                }
            } finally {
                ended.incrementAndGet();
            }
        };
    }

    /** Whether {@code failure} is {@code seen}, its cause, or one of their suppressed exceptions, at any depth. */
    static boolean causedBy(Throwable seen, Throwable failure) {
        if (seen == null) {
            return false;
        }
        if (seen == failure || causedBy(seen.getCause(), failure)) {
            return true;
        }
        for (Throwable suppressed : seen.getSuppressed()) {
            if (causedBy(suppressed, failure)) {
                return true;
            }
        }
        return false;
    }

    static Verdict demonstrate(String example, NightlyExports exports) throws InterruptedException {
        Outcome outcome = run(exports);
        System.out.printf("3.4 Uncaught exceptions in threads — %s%n", example);
        System.out.printf("The nightly exports ran: %s (big) and %s (small); %d of them threw: %s.%n", BIG_EXPORT,
                String.join(", ", SMALL_EXPORTS), outcome.failures().size(), outcome.failures().stream()
                        .map(failure -> failure.export() + " (\"" + failure.message() + "\")").collect(Collectors.joining(", ")));
        System.out.printf("The JVM's default handler got %d of them (it prints the stack trace to stderr, and that is all);"
                + " the caller was told of %d of %d.%n", outcome.printedByDefault(), outcome.reachedCaller(),
                outcome.failures().size());
        if (outcome.answeredBeforeTheEnd()) {
            System.out.println("TOO EARLY: the caller got its answer before every export had ended.");
        }
        if (outcome.reachedCaller() < outcome.failures().size()) {
            System.out.println("LOST FAILURES: " + outcome.failures().stream().filter(failure -> !failure.reachedCaller())
                    .map(Failure::inWords).collect(Collectors.joining("; ")) + ".");
            System.out.println("The caller will report a successful night.");
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("Every failure reached the caller: the night is reported as it was.");
        }
        return outcome.verdict();
    }
}
