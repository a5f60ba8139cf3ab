package org.concurrencyhandbook.asyncpitfalls.earlyexit;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * 4.5 Exiting before background tasks complete — an executor in try-with-resources: {@code close()} waits.
 *
 * <p>Since JDK 19 an {@code ExecutorService} is {@code AutoCloseable}, and {@code close()} shuts it down and waits for
 * every task it accepted to finish. One virtual thread per item, and the block's end is the point where all of them
 * are done — {@code processAll} returns after the work, not before, and a task that failed is rethrown rather than
 * lost with its dropped future. Keeping every future and joining them all
 * ({@code CompletableFuture.allOf(...).join()}) does the same; {@code EarlyExitTest} runs it beside this one.
 *
 * <p>Run it: {@code ./handbook 4.5}. It exits 0 because the batch JVM wrote every result before it ended.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.5} printed:
 * <pre>
 * A batch JVM started 8 items of 200 ms each in the background, and its main returned.
 * It ended with exit status 0, having written 8 of 8 results.
 * Every item finished before the JVM ended.
 * </pre>
 */
public final class GoodExample implements Batch {

    @Override
    public void processAll(List<String> items, UnaryOperator<String> work, Consumer<String> results) {
        List<Future<?>> tasks;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            tasks = items.stream().<Future<?>>map(item -> executor.submit(() -> results.accept(work.apply(item)))).toList();
        }
        // Every task has ended here; one that failed must not end silently either (4.3).
        for (Future<?> task : tasks) {
            if (task.state() == Future.State.FAILED) {
                throw new IllegalStateException("an item failed", task.exceptionNow());
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.main(args, "GoodExample", GoodExample.class, GoodExample::new);
    }
}
