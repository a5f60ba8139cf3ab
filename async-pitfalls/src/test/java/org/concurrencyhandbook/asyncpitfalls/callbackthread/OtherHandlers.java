package org.concurrencyhandbook.asyncpitfalls.callbackthread;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.concurrencyhandbook.testkit.Fix;

/** The handlers 4.9's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherHandlers {

    static final Fix<Supplier<ResponseHandler>> ASYNC_WITHOUT_EXECUTOR =
            Fix.of("thenApplyAsync with no executor", AsyncWithoutExecutor::new);
    static final List<Fix<Supplier<ResponseHandler>>> RIGHT_FIXES = List.of(
            Fix.of("thenApplyAsync on virtual threads", OnVirtualThreads::new));

    private OtherHandlers() {
    }

    /** Off the I/O thread — onto the common pool, whose one worker (2 cores) the rest of the JVM shares. */
    private static final class AsyncWithoutExecutor implements ResponseHandler {
        @Override
        public CompletableFuture<String> handle(CompletableFuture<String> response, UnaryOperator<String> parse) {
            return response.thenApplyAsync(parse);
        }

        @Override
        public void close() {
        }
    }

    private static final class OnVirtualThreads implements ResponseHandler {
        private final ExecutorService parsers = Executors.newVirtualThreadPerTaskExecutor();

        @Override
        public CompletableFuture<String> handle(CompletableFuture<String> response, UnaryOperator<String> parse) {
            return response.thenApplyAsync(parse, parsers);
        }

        @Override
        public void close() {
            parsers.close();
        }
    }
}
