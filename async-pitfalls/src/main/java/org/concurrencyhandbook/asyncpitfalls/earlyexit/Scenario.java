package org.concurrencyhandbook.asyncpitfalls.earlyexit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.concurrencyhandbook.support.FreshJvm;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every batch runs, in a JVM of its own — its subject is how a JVM ends. The batch JVM's {@code main}
 * processes {@value #ITEMS} items, each taking {@code WORK} (200 ms), appends each result to a file, and returns
 * normally, as a batch job's main does. The parent waits for the batch JVM to end and counts the results in the file.
 * A {@code main} that returns at once ends the JVM within milliseconds of starting the work — a margin of a hundred
 * times over the work's 200 ms (of two for a main that sleeps 100 ms first) — so the count is the same on every run,
 * one CPU included. The invariant: every result
 * written, and the batch JVM exited 0.
 */
final class Scenario {

    static final int ITEMS = 8;
    static final Duration WORK = Duration.ofMillis(200);
    static final String BATCH_WRITING_TO = "--batch-writing-to";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Scenario() {
    }

    /** The items started, the results the batch JVM wrote before it ended, and its exit status. */
    record Outcome(int started, int written, int exitStatus) {
        Verdict verdict() {
            return written == started && exitStatus == 0 ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    /**
     * An example's {@code main}: in the batch JVM ({@code --batch-writing-to FILE} last on the command line) it runs
     * the batch and returns, as a batch job's main does; otherwise it runs the scenario and exits with its verdict.
     */
    static void main(String[] args, String example, Class<?> mainClass, Supplier<Batch> opener)
            throws InterruptedException {
        if (args.length >= 2 && args[args.length - 2].equals(BATCH_WRITING_TO)) {
            runBatch(opener.get(), Path.of(args[args.length - 1]));
            return;
        }
        demonstrate(example, mainClass.getName(), args).exit();
    }

    private static void runBatch(Batch batch, Path results) {
        List<String> items = IntStream.rangeClosed(1, ITEMS).mapToObj(i -> "item-" + i).toList();
        batch.processAll(items, item -> {
            try {
                Thread.sleep(WORK);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while processing " + item, e);
            }
            return item + " done";
        }, result -> append(results, result));
    }

    private static synchronized void append(Path results, String result) {
        try {
            Files.writeString(results, result + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code mainClass} as the batch JVM — {@code leadingArgs} first, for a test's variant — and counts. */
    static Outcome run(String mainClass, String... leadingArgs) throws InterruptedException {
        Path results;
        try {
            results = Files.createTempFile("handbook-batch-", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<String> args = new ArrayList<>(Arrays.asList(leadingArgs));
            args.addAll(List.of(BATCH_WRITING_TO, results.toString()));
            int exit = FreshJvm.run(mainClass, LIMIT, args.toArray(String[]::new));
            return new Outcome(ITEMS, Files.readAllLines(results).size(), exit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(results);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }

    static Verdict demonstrate(String example, String mainClass, String... leadingArgs) throws InterruptedException {
        Outcome outcome = run(mainClass, leadingArgs);
        System.out.printf("4.5 Exiting before background tasks complete — %s%n", example);
        System.out.printf("A batch JVM started %d items of %d ms each in the background, and its main returned.%n",
                outcome.started(), WORK.toMillis());
        System.out.printf("It ended with exit status %d, having written %d of %d results.%n", outcome.exitStatus(),
                outcome.written(), outcome.started());
        if (outcome.verdict() == Verdict.FAILURE_SHOWN) {
            System.out.printf("CUT SHORT: %d items never finished — main returned, only daemon threads were left, and"
                    + " the JVM stopped them without a word.%n", outcome.started() - outcome.written());
        } else {
            System.out.println("Every item finished before the JVM ended.");
        }
        return outcome.verdict();
    }
}
