package org.concurrencyhandbook.asyncpitfalls.threadowned;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * 4.4 Thread-owned primitives across async stages — an owner-free permit, and the request passed along as a value.
 *
 * <p>A {@code Semaphore} with one permit excludes like a lock but has no owner: any thread may release the permit
 * another acquired, so the second stage can end the section the first began. The request travels as the first stage's
 * result, the value the second stage receives — it is wherever the stage is. Where the section fits in one stage,
 * lock and unlock there, on one thread; where a deep call chain inside a stage needs the context, bind it for that
 * stage with a {@code ScopedValue}. {@code ThreadOwnedTest} runs both beside this one.
 *
 * <p>Run it: {@code ./handbook 4.4}. It exits 0 because the requests entered the section one at a time, and each
 * second stage knew its request.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.4} printed:
 * <pre>
 * Two requests, each entering a critical section in its first stage (on "stage-1 worker") and leaving it in its second (on "stage-2 worker").
 * request-1: its second stage believed it served request-1; the request completed.
 * request-2: its second stage believed it served request-2; the request completed.
 * One request in the section at a time, each stage with its own request.
 * </pre>
 */
public final class GoodExample implements RequestHandler {

    private final Semaphore permit = new Semaphore(1);

    @Override
    public CompletableFuture<String> handle(String request, Executor first, Executor second, Section section) {
        return CompletableFuture.supplyAsync(() -> {
            permit.acquireUninterruptibly();
            section.enter();
            return request;
        }, first).thenApplyAsync(sameRequest -> {
            try {
                return section.leave(sameRequest);
            } finally {
                permit.release();
            }
        }, second);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
