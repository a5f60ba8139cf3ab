package org.concurrencyhandbook.asyncpitfalls.neverruns;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * 4.2 Work that never runs — three calls that look like they hand work off, and do not.
 *
 * <ul>
 *   <li>{@code thread.run()} is an ordinary method call: the job runs at once, on the caller's thread, and the thread
 *       object is never started. Only {@code start()} makes a thread.</li>
 *   <li>A stream is lazy: {@code peek} and {@code map} describe what to do to each element when the stream is
 *       consumed, and without a terminal operation it never is — the notifier is never called.</li>
 *   <li>{@code thenApply} with a function that returns a future wraps it: the result is a
 *       {@code CompletableFuture<CompletableFuture<String>>}, and a caller that joins it gets a future, not an
 *       account — one it will never join.</li>
 * </ul>
 * None of them throws or warns; Python at least prints "coroutine … was never awaited".
 *
 * <p>Run it: {@code ./handbook 4.2}. It exits 4 (failure shown) because the work ran on the caller, not at all, and
 * not to the end.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.2} printed:
 * <pre>
 * A job handed to a background thread ran on the caller's thread.
 * Addresses handed to the notifier: 0 of 5.
 * Joining the account's future gave: a CompletableFuture, not an account.
 * NEVER STARTED: run() is a method call — the job ran on the caller, and no thread was made.
 * NEVER CONSUMED: the stream's per-element work runs only when a terminal operation pulls elements through it.
 * NEVER JOINED: thenApply wrapped the second lookup's future in the first — the caller got a future where it expected a value.
 * </pre>
 */
public final class BadExample implements Dispatch {

    @Override
    public Thread inBackground(Runnable job) {
        Thread worker = new Thread(job, "background job");
        // Wrong: run() calls the job here, on this thread; start() would have made a new one.
        worker.run();
        return worker;
    }

    @Override
    public void notifyEach(List<String> addresses, Consumer<String> notifier) {
        // Wrong: an intermediate operation only; the stream is never consumed, so peek never runs.
        addresses.stream().peek(notifier);
    }

    @Override
    public CompletableFuture<?> accountOf(String user, Directory directory) {
        // Wrong: thenApply wraps the account's future in another one.
        return directory.userId(user).thenApply(directory::account);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", new BadExample()).exit();
    }
}
