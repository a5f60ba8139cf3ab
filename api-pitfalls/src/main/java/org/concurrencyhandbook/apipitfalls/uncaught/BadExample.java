package org.concurrencyhandbook.apipitfalls.uncaught;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * 3.4 Uncaught exceptions in threads — a thread that dies alone, and a {@code Future} nobody asks.
 *
 * <p>The big export runs on a {@code Thread} of its own; the small ones are {@code submit}ted to a pool. Then the
 * caller waits: {@code join()} for the thread, {@code awaitTermination} for the pool. Both waits tell it that the work
 * has <em>ended</em>, neither how. An exception that ends the thread goes to its uncaught-exception handler — by
 * default, the JVM prints the stack trace to stderr and that is all; the caller's {@code join()} returns as if
 * nothing happened. An exception thrown by a {@code submit}ted task is caught by the {@code FutureTask} that wraps it
 * and kept for {@code Future.get()}; the future was dropped, so it is never printed, never seen. The night is reported
 * a success.
 *
 * <p>Run it: {@code ./handbook 3.4}. It exits 4 (failure shown) because failures never reached the caller.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.4} printed:
 * <pre>
 * The nightly exports ran: orders (big) and invoices, customers (small); 2 of them threw: invoices ("no such table"), orders ("disk full").
 * The JVM's default handler got 1 of them (it prints the stack trace to stderr, and that is all); the caller was told of 0 of 2.
 * LOST FAILURES: "no such table" (invoices): not even printed, never reached the caller; "disk full" (orders): printed to stderr, never reached the caller.
 * The caller will report a successful night.
 * </pre>
 */
public final class BadExample implements NightlyExports {

    @Override
    public List<Throwable> runAll(Runnable bigExport, List<Runnable> smallExports) throws InterruptedException {
        Thread big = new Thread(bigExport, "big export");
        big.start();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (Runnable export : smallExports) {
            // Wrong: the Future — and the exception it will hold — is dropped.
            pool.submit(export);
        }
        // Wrong: join() and awaitTermination() say that the work ended, not how.
        big.join();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return List.of();
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", new BadExample()).exit();
    }
}
