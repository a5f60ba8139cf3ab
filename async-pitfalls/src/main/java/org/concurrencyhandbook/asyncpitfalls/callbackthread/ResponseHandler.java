package org.concurrencyhandbook.asyncpitfalls.callbackthread;

import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Turns a response, which an I/O thread will complete, into a report: {@code parse} is heavy work. Both examples
 * implement it.
 */
public interface ResponseHandler extends AutoCloseable {

    CompletableFuture<String> handle(CompletableFuture<String> response, UnaryOperator<String> parse);

    /** Stops the handler's own threads, if it has any. */
    @Override
    void close();
}
