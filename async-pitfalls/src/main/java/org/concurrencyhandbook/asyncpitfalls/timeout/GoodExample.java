package org.concurrencyhandbook.asyncpitfalls.timeout;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * 4.10 No timeout — a bounded wait, and the work cancelled when the wait runs out.
 *
 * <p>The fetch runs as an executor's task; the caller waits for it with {@code get(timeout)}. When the deadline
 * passes, two things happen, and both are needed: the caller gets its fallback, and the task is cancelled with
 * {@code cancel(true)}, which interrupts the thread inside the backend call (4.8) — so nothing keeps waiting for an
 * answer nobody will read. {@code orTimeout} or {@code completeOnTimeout} on a {@code CompletableFuture} bound the
 * caller's wait just as well, and must be paired with a cancellation the work hears; {@code TimeoutTest} runs that
 * beside this one.
 *
 * <p>Run it: {@code ./handbook 4.10}. It exits 0 because the caller had its answer at the deadline, and the backend
 * call was abandoned.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.10} printed:
 * <pre>
 * A caller asked for a price; the backend never answered. The service's deadline: 200 ms.
 * The caller got "unavailable" after 234 ms.
 * Backend calls still in progress 500 ms later, their answers wanted by nobody: 0.
 * The caller had its answer at the deadline, and nothing was left waiting for the backend.
 * </pre>
 */
public final class GoodExample implements PriceService {

    private final Backend backend;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public GoodExample(Backend backend) {
        this.backend = backend;
    }

    // Error Prone's Interruption check asks for cancel(false) unless an interrupt is meant: here it is.
    @SuppressWarnings("Interruption")
    @Override
    public String priceOf(String item) throws InterruptedException, ExecutionException {
        Future<String> price = executor.submit(() -> backend.fetch(item));
        try {
            return price.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            price.cancel(true);
            return "unavailable";
        }
    }

    @Override
    public void close() {
        executor.close();
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
