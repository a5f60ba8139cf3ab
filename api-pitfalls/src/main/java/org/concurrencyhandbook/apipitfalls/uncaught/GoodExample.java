package org.concurrencyhandbook.apipitfalls.uncaught;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 3.4 Uncaught exceptions in threads — every job's {@code Future}, and {@code get()} on each.
 *
 * <p>Every export, big or small, is submitted to one executor, and the caller keeps every {@code Future} and calls
 * {@code get()} on each: a task that threw makes {@code get()} throw {@code ExecutionException}, whose cause is the
 * task's own exception. The big export needs no thread of its own to be waited for — its future does that — and the
 * executor is closed by try-with-resources ({@code ExecutorService.close()}, JDK 19+, waits for its tasks).
 *
 * <p>The same fix, other ways: {@code CompletableFuture} stages joined or handled at the end; tasks
 * {@code execute}d on a {@code ThreadPoolExecutor} whose {@code afterExecute} receives their exceptions; for a thread
 * you must start yourself, an {@code UncaughtExceptionHandler} that hands the failure to the caller.
 * {@code UncaughtExceptionsTest} runs them beside this one.
 *
 * <p>Run it: {@code ./handbook 3.4}. It exits 0 because every failure reached the caller.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.4} printed:
 * <pre>
 * The nightly exports ran: orders (big) and invoices, customers (small); 2 of them threw: invoices ("no such table"), orders ("disk full").
 * The JVM's default handler got 0 of them (it prints the stack trace to stderr, and that is all); the caller was told of 2 of 2.
 * Every failure reached the caller: the night is reported as it was.
 * </pre>
 */
public final class GoodExample implements NightlyExports {

    @Override
    public List<Throwable> runAll(Runnable bigExport, List<Runnable> smallExports) throws InterruptedException {
        List<Throwable> failures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<?>> exports = new ArrayList<>();
            exports.add(pool.submit(bigExport));
            for (Runnable export : smallExports) {
                exports.add(pool.submit(export));
            }
            for (Future<?> export : exports) {
                try {
                    export.get();
                } catch (ExecutionException failed) {
                    failures.add(failed.getCause());
                }
            }
        }
        return failures;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", new GoodExample()).exit();
    }
}
