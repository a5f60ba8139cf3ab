package org.concurrencyhandbook.apipitfalls.executormisuse;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The executors 3.6's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherExecutors {

    private OtherExecutors() {
    }

    /**
     * Wrong: bound the pool and the queue, with {@code DiscardPolicy} for what does not fit. It tempts because the
     * threads are bounded and nothing ever throws; it fails because "nothing throws" means the tasks that did not fit
     * are thrown away, and the caller, told nothing, believes they ran.
     */
    static ExecutorService boundedDiscarding() {
        return new ThreadPoolExecutor(Scenario.THREADS, Scenario.THREADS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Scenario.QUEUE), new ThreadPoolExecutor.DiscardPolicy());
    }

    /**
     * Wrong: {@code core} threads, a larger {@code max}, and an unbounded {@code LinkedBlockingQueue}, expecting the
     * pool to grow to {@code max} under load. It tempts because the constructor seems to say so; it fails because a
     * {@code ThreadPoolExecutor} starts threads beyond {@code core} only when the queue refuses a task, and an unbounded
     * queue never does: the pool stays at {@code core}, and the rest of the burst waits in the queue.
     */
    static ExecutorService growsOnlyWhenTheQueueIsFull() {
        return new ThreadPoolExecutor(Scenario.THREADS / 2, Scenario.THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>());
    }

    /**
     * Right: the same bounded pool and queue with {@code CallerRunsPolicy}: a task that does not fit is run by the
     * thread that submitted it, which cannot submit more meanwhile — the burst slows to the pool's pace.
     */
    static ExecutorService boundedCallerRuns() {
        return new ThreadPoolExecutor(Scenario.THREADS, Scenario.THREADS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Scenario.QUEUE), new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
