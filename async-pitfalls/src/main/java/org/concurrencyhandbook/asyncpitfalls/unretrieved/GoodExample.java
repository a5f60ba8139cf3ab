package org.concurrencyhandbook.asyncpitfalls.unretrieved;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * 4.3 The exception nobody retrieves — a handler at the end of the chain.
 *
 * <p>{@code exceptionally} attached to the <em>last</em> stage sees a failure of any stage before it: a failed stage
 * completes every stage that depends on it exceptionally, with the same cause wrapped in a
 * {@code CompletionException}, down to the end. There the handler unwraps it and reports it. Where a caller waits for
 * the work, the other answer is to return the chain and let it {@code join()} at its edge — several chains with
 * {@code allOf(...).join()}.
 *
 * <p>Run it: {@code ./handbook 4.3}. It exits 0 because both failures reached the error channel.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.3} printed:
 * <pre>
 * 4 uploads handled in the background; the steps threw 2 failures: parsing b.csv: malformed line 3; storing d.csv: disk full.
 * Reported to the error channel: 2. The JVM's uncaught-exception handler was called 0 times.
 * Every failure reached the error channel.
 * </pre>
 */
public final class GoodExample implements UploadHandler {

    private final Steps steps;
    private final Consumer<Throwable> errors;

    public GoodExample(Steps steps, Consumer<Throwable> errors) {
        this.steps = steps;
        this.errors = errors;
    }

    @Override
    public void onUpload(String file) {
        CompletableFuture.supplyAsync(() -> steps.parse(file)).thenAccept(steps::store).exceptionally(failure -> {
            errors.accept(failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
            return null;
        });
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
