package org.concurrencyhandbook.apipitfalls.uncaught;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every implementation runs: three exports — the big one (orders) and two small ones (invoices,
 * customers); orders fails with "disk full", invoices with "no such table", customers succeeds. The scenario knows
 * each exception it threw, and asks where each one went: into the list the caller gets back (or as the cause of
 * something in it), and to the JVM's default uncaught-exception handler — which prints a stack trace to stderr and
 * nothing more; for the run, the scenario puts a handler there that counts instead of printing, and restores the
 * previous one after. The invariant: every failure reaches the caller.
 */
final class Scenario {

    static final String BIG_EXPORT = "orders";
    static final List<String> SMALL_EXPORTS = List.of("invoices", "customers");
    static final Map<String, String> FAILS_WITH = Map.of("orders", "disk full", "invoices", "no such table");

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

    /** What each failure did. */
    record Outcome(List<Failure> failures) {
        long reachedCaller() {
            return failures.stream().filter(Failure::reachedCaller).count();
        }

        long printedByDefault() {
            return failures.stream().filter(Failure::printedByDefault).count();
        }

        Verdict verdict() {
            return reachedCaller() < failures.size() ? Verdict.FAILURE_SHOWN : Verdict.INVARIANT_HELD;
        }
    }

    static Outcome run(NightlyExports exports) throws InterruptedException {
        Map<Throwable, String> thrown = new ConcurrentHashMap<>();
        Set<Throwable> printed = ConcurrentHashMap.newKeySet();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> printed.add(failure));
        List<Throwable> reported;
        try {
            List<Runnable> small = SMALL_EXPORTS.stream().map(name -> export(name, thrown)).toList();
            reported = exports.runAll(export(BIG_EXPORT, thrown), small);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        List<Failure> failures = new ArrayList<>();
        thrown.forEach((failure, export) -> failures.add(new Failure(export, failure.getMessage(), printed.contains(failure),
                reported.stream().anyMatch(seen -> causedBy(seen, failure)))));
        failures.sort((a, b) -> a.export().compareTo(b.export()));
        return new Outcome(failures);
    }

    private static Runnable export(String name, Map<Throwable, String> thrown) {
        return () -> {
            String message = FAILS_WITH.get(name);
            if (message != null) {
                IllegalStateException failure = new IllegalStateException(message);
                thrown.put(failure, name);
                throw failure;
            }
        };
    }

    private static boolean causedBy(Throwable seen, Throwable failure) {
        for (Throwable cause = seen; cause != null; cause = cause.getCause()) {
            if (cause == failure) {
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
        if (outcome.verdict() == Verdict.FAILURE_SHOWN) {
            System.out.println("LOST FAILURES: " + outcome.failures().stream().filter(failure -> !failure.reachedCaller())
                    .map(Failure::inWords).collect(Collectors.joining("; ")) + ".");
            System.out.println("The caller will report a successful night.");
        } else {
            System.out.println("Every failure reached the caller: the night is reported as it was.");
        }
        return outcome.verdict();
    }
}
