package org.concurrencyhandbook.apipitfalls.executormisuse;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * 3.6 Executor misuse — a pool sized for the work, a bounded queue, and a rejection the caller hears.
 *
 * <p>{@value Scenario#THREADS} threads, core and maximum alike (so the pool is at full strength before anything
 * queues), and a queue of {@value Scenario#QUEUE} tasks in front of them. When both are full, the default
 * {@code AbortPolicy} throws {@code RejectedExecutionException} from {@code execute} — to the caller, who can slow down,
 * retry or answer "busy". Nothing is started beyond the bound, and nothing is dropped without a word.
 *
 * <p>The same fix, another way: {@code CallerRunsPolicy}, which makes the submitting thread run the task itself —
 * back-pressure, since it cannot submit more meanwhile; {@code ExecutorMisuseTest} runs it beside this one. For work
 * that mostly waits, virtual threads (one per task, cheap to block) take the place of the pool altogether (5.2).
 *
 * <p>Run it: {@code ./handbook 3.6}. It exits 0 because the pool stayed within its bound, used all of it, and every
 * task either ran or was refused to the caller's face.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.6} printed:
 * <pre>
 * A burst of 100 tasks arrived, each waiting for a reply; the service is meant to run 8 at a time.
 * The pool started 8 thread(s); at most 8 task(s) ran on them at once. 24 ran (0 of them on the submitting thread), 76 were refused to the caller, 0 were accepted and never ran.
 * At most 8 threads, all of them used, and every task ran or was refused to the caller's face.
 * </pre>
 */
public final class GoodExample {

    private GoodExample() {
    }

    /** The executor the service runs its tasks on. */
    public static ExecutorService newExecutor() {
        return new ThreadPoolExecutor(Scenario.THREADS, Scenario.THREADS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Scenario.QUEUE), new ThreadPoolExecutor.AbortPolicy());
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::newExecutor).exit();
    }
}
