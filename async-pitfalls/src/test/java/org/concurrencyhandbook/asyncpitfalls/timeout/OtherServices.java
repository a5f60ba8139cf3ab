package org.concurrencyhandbook.asyncpitfalls.timeout;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.concurrencyhandbook.testkit.Fix;

/** The services 4.10's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherServices {

    static final List<Fix<PriceService.Opener>> WRONG_FIXES = List.of(
            Fix.of("orTimeout, nothing cancelled", OrTimeoutAlone::new),
            Fix.of("completeOnTimeout with a fallback, nothing cancelled", FallbackAlone::new));
    static final List<Fix<PriceService.Opener>> RIGHT_FIXES = List.of(
            Fix.of("completeOnTimeout, and the task's Future cancelled", FallbackAndCancel::new));

    private OtherServices() {
    }

    private static CompletableFuture<String> fetched(PriceService.Backend backend, String item) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return backend.fetch(item);
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** The caller is freed at the deadline, with a {@code TimeoutException}; the fetch is not told. */
    private record OrTimeoutAlone(PriceService.Backend backend) implements PriceService {
        @Override
        public String priceOf(String item) {
            return fetched(backend, item).orTimeout(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).join();
        }

        @Override
        public void close() {
        }
    }

    /** The caller gets a fallback at the deadline; the fetch is not told. */
    private record FallbackAlone(PriceService.Backend backend) implements PriceService {
        @Override
        public String priceOf(String item) {
            return fetched(backend, item).completeOnTimeout("unavailable", DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .join();
        }

        @Override
        public void close() {
        }
    }

    /**
     * The bounded wait of {@code completeOnTimeout}, on a task whose {@code Future} can reach its thread: when the
     * fallback wins, the task is cancelled.
     */
    private static final class FallbackAndCancel implements PriceService {
        private final Backend backend;
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

        FallbackAndCancel(Backend backend) {
            this.backend = backend;
        }

        @Override
        public String priceOf(String item) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            Future<?> task = executor.submit(() -> {
                try {
                    answer.complete(backend.fetch(item));
                } catch (InterruptedException e) {
                    answer.completeExceptionally(e);
                }
            });
            String price = answer.completeOnTimeout("unavailable", DEADLINE.toMillis(), TimeUnit.MILLISECONDS).join();
            task.cancel(true);
            return price;
        }

        @Override
        public void close() {
            executor.close();
        }
    }
}
