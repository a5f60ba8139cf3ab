package org.concurrencyhandbook.asyncpitfalls.threadowned;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.concurrencyhandbook.testkit.Fix;

/** The handlers 4.4's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherHandlers {

    static final Fix<Supplier<RequestHandler>> INHERITABLE_THREAD_LOCAL =
            Fix.of("InheritableThreadLocal, with a Semaphore", InheritedContext::new);
    static final List<Fix<Supplier<RequestHandler>>> RIGHT_FIXES = List.of(
            Fix.of("the whole section in one stage", WholeSectionInOneStage::new),
            Fix.of("a ScopedValue bound in each stage", ScopedContext::new));

    private OtherHandlers() {
    }

    /**
     * The lock fixed with a permit; the context given to child threads — which inherit it once, when they are made,
     * from the thread that made them: a pool's thread keeps the first request's context for ever.
     */
    private static final class InheritedContext implements RequestHandler {
        private static final InheritableThreadLocal<String> CURRENT_REQUEST = new InheritableThreadLocal<>();
        private final Semaphore permit = new Semaphore(1);

        @Override
        public CompletableFuture<String> handle(String request, Executor first, Executor second, Section section) {
            return CompletableFuture.runAsync(() -> {
                permit.acquireUninterruptibly();
                CURRENT_REQUEST.set(request);
                section.enter();
            }, first).thenApplyAsync(nothing -> {
                try {
                    return section.leave(CURRENT_REQUEST.get());
                } finally {
                    permit.release();
                }
            }, second);
        }
    }

    /** No lock across stages: the first stage only prepares, and the section is taken and left on one thread. */
    private static final class WholeSectionInOneStage implements RequestHandler {
        private final ReentrantLock lock = new ReentrantLock();

        @Override
        public CompletableFuture<String> handle(String request, Executor first, Executor second, Section section) {
            return CompletableFuture.supplyAsync(() -> request, first).thenApplyAsync(sameRequest -> {
                lock.lock();
                try {
                    section.enter();
                    return section.leave(sameRequest);
                } finally {
                    lock.unlock();
                }
            }, second);
        }
    }

    /** The request passed as a value, and bound in each stage for the code it calls. */
    private static final class ScopedContext implements RequestHandler {
        private static final ScopedValue<String> CURRENT_REQUEST = ScopedValue.newInstance();
        private final Semaphore permit = new Semaphore(1);

        @Override
        public CompletableFuture<String> handle(String request, Executor first, Executor second, Section section) {
            return CompletableFuture.supplyAsync(() -> {
                permit.acquireUninterruptibly();
                ScopedValue.where(CURRENT_REQUEST, request).run(section::enter);
                return request;
            }, first).thenApplyAsync(sameRequest -> {
                try {
                    return ScopedValue.where(CURRENT_REQUEST, sameRequest).call(() -> section.leave(CURRENT_REQUEST.get()));
                } finally {
                    permit.release();
                }
            }, second);
        }
    }
}
