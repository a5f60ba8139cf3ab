package org.concurrencyhandbook.asyncpitfalls.eventloop;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.concurrencyhandbook.testkit.Fix;

/** The services 4.1's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherServices {

    static final Fix<Function<QuoteService.Backend, QuoteService>> DEFAULT_ASYNC =
            Fix.of("supplyAsync with no executor", DefaultAsync::new);
    static final Fix<Function<QuoteService.Backend, QuoteService>> BIGGER_LOOP =
            Fix.of("a loop of two threads", BiggerLoop::new);
    static final List<Fix<Function<QuoteService.Backend, QuoteService>>> RIGHT_FIXES = List.of(
            Fix.of("a bounded pool of its own for blocking calls", OwnPool::new));

    private OtherServices() {
    }

    /** Off the loop, onto the common pool: the pool that the whole JVM's default async work shares. */
    private static final class DefaultAsync implements QuoteService {
        private final Backend backend;
        private final ExecutorService loop = Executors.newSingleThreadExecutor();

        DefaultAsync(Backend backend) {
            this.backend = backend;
        }

        @Override
        public CompletableFuture<String> quote(String symbol) {
            return CompletableFuture.supplyAsync(() -> backend.fetch(symbol))
                    .thenApplyAsync(price -> symbol + " " + price, loop);
        }

        @Override
        public CompletableFuture<String> ping() {
            return CompletableFuture.supplyAsync(() -> "pong", loop);
        }

        @Override
        public void close() {
            loop.close();
        }
    }

    /** More loop threads: as many blocked calls as threads, and the loop is blocked again. */
    private static final class BiggerLoop implements QuoteService {
        private final Backend backend;
        private final ExecutorService loop = Executors.newFixedThreadPool(2);

        BiggerLoop(Backend backend) {
            this.backend = backend;
        }

        @Override
        public CompletableFuture<String> quote(String symbol) {
            return CompletableFuture.supplyAsync(() -> symbol + " " + backend.fetch(symbol), loop);
        }

        @Override
        public CompletableFuture<String> ping() {
            return CompletableFuture.supplyAsync(() -> "pong", loop);
        }

        @Override
        public void close() {
            loop.close();
        }
    }

    /** Platform threads kept for blocking calls, as many as the backend should see at once; the loop for the rest. */
    private static final class OwnPool implements QuoteService {
        private final Backend backend;
        private final ExecutorService loop = Executors.newSingleThreadExecutor();
        private final ExecutorService blocking = Executors.newFixedThreadPool(4);

        OwnPool(Backend backend) {
            this.backend = backend;
        }

        @Override
        public CompletableFuture<String> quote(String symbol) {
            return CompletableFuture.supplyAsync(() -> backend.fetch(symbol), blocking)
                    .thenApplyAsync(price -> symbol + " " + price, loop);
        }

        @Override
        public CompletableFuture<String> ping() {
            return CompletableFuture.supplyAsync(() -> "pong", loop);
        }

        @Override
        public void close() {
            blocking.close();
            loop.close();
        }
    }
}
