package org.concurrencyhandbook.apipitfalls.uncaught;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The exports 3.4's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherExports {

    private static final long PATIENCE_SECONDS = 10;

    private OtherExports() {
    }

    /**
     * Wrong: an {@code UncaughtExceptionHandler} that hands failures to the caller, on the big export's thread and on
     * every pool thread — the small exports still {@code submit}ted. It tempts because it is the documented hook for
     * "an exception nobody caught"; it fails for the pool because a submitted task's exception is caught — by the
     * {@code FutureTask} — so the pool thread never dies of it and the handler is never called. ({@code execute}
     * instead of {@code submit} is no cure either: a pool thread's handler runs after the pool has counted the thread
     * out, so {@code awaitTermination} may return before the handler has run — a race, which a reviewer measured
     * losing a failure in 7 to 11 of 300 runs.)
     */
    static final class HandlerOnEveryThread implements NightlyExports {
        @Override
        public List<Throwable> runAll(Runnable bigExport, List<Runnable> smallExports) throws InterruptedException {
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Thread.UncaughtExceptionHandler toTheCaller = (thread, failure) -> failures.add(failure);
            Thread big = Thread.ofPlatform().name("big export").uncaughtExceptionHandler(toTheCaller).unstarted(bigExport);
            big.start();
            ExecutorService pool = Executors.newFixedThreadPool(2,
                    Thread.ofPlatform().name("export-", 1).uncaughtExceptionHandler(toTheCaller).factory());
            for (Runnable export : smallExports) {
                pool.submit(export);
            }
            big.join();
            pool.shutdown();
            pool.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS);
            return List.copyOf(failures);
        }
    }

    /**
     * Wrong: {@code try}/{@code catch} around {@code start()} and {@code submit()}. It tempts because that is where
     * the job is launched; it fails because those calls return before the job runs: the exception is thrown later, on
     * another thread, and no {@code catch} on this one can see it.
     */
    static final class TryCatchAroundTheLaunch implements NightlyExports {
        @Override
        public List<Throwable> runAll(Runnable bigExport, List<Runnable> smallExports) throws InterruptedException {
            List<Throwable> failures = new ArrayList<>();
            Thread big = new Thread(bigExport, "big export");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                big.start();
                for (Runnable export : smallExports) {
                    pool.submit(export);
                }
            } catch (RuntimeException failure) {
                failures.add(failure);
            }
            big.join();
            pool.shutdown();
            pool.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS);
            return failures;
        }
    }

    /** Right: {@code CompletableFuture.runAsync} on an executor, every stage asked how it ended. */
    static final class CompletableFutures implements NightlyExports {
        @Override
        public List<Throwable> runAll(Runnable bigExport, List<Runnable> smallExports) {
            try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
                List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
                outcomes.add(CompletableFuture.runAsync(bigExport, pool).handle((ignored, failure) -> failure));
                for (Runnable export : smallExports) {
                    outcomes.add(CompletableFuture.runAsync(export, pool).handle((ignored, failure) -> failure));
                }
                return outcomes.stream().map(CompletableFuture::join).filter(failure -> failure != null).toList();
            }
        }
    }

    /**
     * Right: the small exports {@code execute}d on a {@code ThreadPoolExecutor} whose {@code afterExecute} receives
     * each task's exception, before the worker thread dies of it; the big export on a thread of its own whose
     * {@code UncaughtExceptionHandler} hands its failure over — a thread runs its handler before it terminates, so
     * {@code join()} returns after it.
     */
    static final class AfterExecuteAndAThreadHandler implements NightlyExports {
        @Override
        public List<Throwable> runAll(Runnable bigExport, List<Runnable> smallExports) throws InterruptedException {
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Thread big = Thread.ofPlatform().name("big export").uncaughtExceptionHandler((thread, failure) ->
                    failures.add(failure)).unstarted(bigExport);
            big.start();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>()) {
                @Override
                protected void afterExecute(Runnable task, Throwable thrown) {
                    if (thrown != null) {
                        failures.add(thrown);
                    }
                }
            };
            for (Runnable export : smallExports) {
                pool.execute(export);
            }
            big.join();
            pool.shutdown();
            pool.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS);
            return List.copyOf(failures);
        }
    }
}
