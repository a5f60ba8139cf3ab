package org.concurrencyhandbook.apipitfalls.executormisuse;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * 3.6 Executor misuse — {@code newCachedThreadPool} for blocking work.
 *
 * <p>A cached pool reuses an idle thread if there is one and otherwise starts a new one, without limit: its queue is a
 * {@code SynchronousQueue}, which holds nothing, and its maximum size is {@code Integer.MAX_VALUE}. For short tasks
 * that is cheap; for tasks that block — on a reply, a lock, a slow disk — every task of a burst finds every thread
 * busy and gets a thread of its own. A burst of 100 is 100 platform threads, each with its stack; a burst of 10,000
 * ends in {@code OutOfMemoryError: unable to create native thread}, or a machine that does nothing but switch.
 *
 * <p>Run it: {@code ./handbook 3.6}. It exits 4 (failure shown) because the pool started a thread per task.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.6} printed:
 * <pre>
 * A burst of 100 tasks arrived, each waiting for a reply; the service is meant to run 8 at a time.
 * The pool started 100 thread(s); at most 100 task(s) ran on them at once. 100 ran (0 of them on the submitting thread), 0 were refused to the caller, 0 were accepted and never ran.
 * UNBOUNDED: 100 threads for 100 waiting tasks — a bigger burst ends in "unable to create native thread".
 * </pre>
 */
public final class BadExample {

    private BadExample() {
    }

    /** The executor the service runs its tasks on. */
    public static ExecutorService newExecutor() {
        // Wrong: no bound on threads; a burst of blocking tasks is a burst of threads.
        return Executors.newCachedThreadPool();
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::newExecutor).exit();
    }
}
