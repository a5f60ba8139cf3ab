package org.concurrencyhandbook.asyncpitfalls.earlyexit;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * 4.5 Exiting before background tasks complete — fire the work off, and let {@code main} return.
 *
 * <p>Each item is processed with {@code runAsync}, on the common pool, and {@code processAll} returns at once; so does
 * {@code main}. The common pool's threads are daemon threads, and the JVM ends when the last non-daemon thread does:
 * the moment {@code main} returns, the work still running is simply stopped — no exception, no log line, an exit
 * status of 0. Virtual threads are always daemon threads too. ({@code asyncio.run} at least cancels the pending tasks
 * and says so.)
 *
 * <p>Run it: {@code ./handbook 4.5}. It exits 4 (failure shown) because the batch JVM ended with no results written.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.5} printed:
 * <pre>
 * A batch JVM started 8 items of 200 ms each in the background, and its main returned.
 * It ended with exit status 0, having written 0 of 8 results.
 * CUT SHORT: 8 items never finished — main returned, only daemon threads were left, and the JVM stopped them without a word.
 * </pre>
 */
public final class BadExample implements Batch {

    @Override
    public void processAll(List<String> items, UnaryOperator<String> work, Consumer<String> results) {
        // Wrong: nothing waits for these; when main returns, the JVM stops them where they are.
        items.forEach(item -> CompletableFuture.runAsync(() -> results.accept(work.apply(item))));
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.main(args, "BadExample", BadExample.class, BadExample::new);
    }
}
