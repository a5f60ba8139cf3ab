package org.concurrencyhandbook.asyncpitfalls.threadowned;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

/**
 * 4.4 Thread-owned primitives across async stages — a lock and a {@code ThreadLocal} that stay with a thread the
 * request has left.
 *
 * <p>The first stage takes a {@code ReentrantLock} and puts the request in a {@code ThreadLocal}; the second releases
 * the lock and reads the request back. Both belong to the thread that ran the first stage, and the second runs on
 * another. The second stage's {@code unlock()} throws {@code IllegalMonitorStateException} — it does not own the
 * lock — and the lock stays with the first stage's thread, which is reentrant to it: the next request's first stage,
 * on that same thread, walks straight in. The {@code ThreadLocal} is empty on the second stage's thread.
 *
 * <p>Run it: {@code ./handbook 4.4}. It exits 4 (failure shown) because the section let two requests in, and neither
 * request finished.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.4} printed:
 * <pre>
 * Two requests, each entering a critical section in its first stage (on "stage-1 worker") and leaving it in its second (on "stage-2 worker").
 * request-1: its second stage believed it served null; the request failed with IllegalMonitorStateException.
 * request-2: its second stage believed it served null; the request failed with IllegalMonitorStateException.
 * NOT EXCLUSIVE: request-2 entered while request-1 was inside — the lock stayed with the stage-1 thread, which may take it again.
 * WRONG CONTEXT: the second stage of request-1, request-2 read a ThreadLocal of a thread the request never set it on.
 * RELEASE FAILED: unlock() ran on a thread that did not own the lock.
 * </pre>
 */
public final class BadExample implements RequestHandler {

    private static final ThreadLocal<String> CURRENT_REQUEST = new ThreadLocal<>();
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public CompletableFuture<String> handle(String request, Executor first, Executor second, Section section) {
        return CompletableFuture.runAsync(() -> {
            lock.lock();
            CURRENT_REQUEST.set(request);
            section.enter();
        }, first).thenApplyAsync(nothing -> {
            try {
                // Wrong: this stage runs on another thread — its ThreadLocal is not the first stage's.
                return section.leave(CURRENT_REQUEST.get());
            } finally {
                // Wrong: the lock belongs to the first stage's thread; this one cannot release it.
                lock.unlock();
            }
        }, second);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
