package org.concurrencyhandbook.asyncpitfalls.unretrieved;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * 4.3 The exception nobody retrieves — a fire-and-forget chain with nothing at its end.
 *
 * <p>{@code supplyAsync(parse).thenAccept(store)} — and the future it returns is dropped. When a step throws, the
 * exception is caught by the stage and kept in its future, as that future's result: it is not rethrown, not printed,
 * and the thread's uncaught-exception handler never hears of it, because nothing was uncaught. The future is garbage
 * before anybody asks. Python's asyncio at least logs "Task exception was never retrieved"; the JDK says nothing.
 *
 * <p>Run it: {@code ./handbook 4.3}. It exits 4 (failure shown) because two failures reached nobody.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.3} printed:
 * <pre>
 * 4 uploads handled in the background; the steps threw 2 failures: parsing b.csv: malformed line 3; storing d.csv: disk full.
 * Reported to the error channel: 0. The JVM's uncaught-exception handler was called 0 times.
 * NEVER RETRIEVED: parsing b.csv: malformed line 3; storing d.csv: disk full — kept in a future nobody held; nothing printed, nobody told.
 * </pre>
 */
public final class BadExample implements UploadHandler {

    private final Steps steps;
    private final Consumer<Throwable> errors;

    public BadExample(Steps steps, Consumer<Throwable> errors) {
        this.steps = steps;
        this.errors = errors;
    }

    @Override
    public void onUpload(String file) {
        // Wrong: nothing at the end of the chain, and its future dropped — a failure stays in it, unseen.
        CompletableFuture.supplyAsync(() -> steps.parse(file)).thenAccept(steps::store);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
