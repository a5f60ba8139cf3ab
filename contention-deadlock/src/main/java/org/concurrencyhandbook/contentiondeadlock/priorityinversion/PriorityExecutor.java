package org.concurrencyhandbook.contentiondeadlock.priorityinversion;

import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker thread that always runs the queued step of highest priority next (first come, first served among equals):
 * a {@link ThreadPoolExecutor} over a {@link PriorityBlockingQueue}, as Java programs usually build one. Steps go in with
 * {@code execute}, never {@code submit}: {@code submit} wraps them in a {@code FutureTask}, which is not
 * {@code Comparable}, and the queue throws {@code ClassCastException}.
 */
public final class PriorityExecutor implements AutoCloseable {

    private record Step(Job job, int priority, long order, Runnable action) implements Runnable, Comparable<Step> {
        @Override
        public void run() {
            action.run();
        }

        @Override
        public int compareTo(Step other) {
            int byPriority = Integer.compare(other.priority, priority);
            return byPriority != 0 ? byPriority : Long.compare(order, other.order);
        }
    }

    private final AtomicLong arrivals = new AtomicLong();
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(),
            task -> Thread.ofPlatform().daemon().name("priority-worker").unstarted(task));

    /** Queues a step of {@code job} at the job's current priority. */
    public void run(Job job, Runnable step) {
        worker.execute(new Step(job, job.priority(), arrivals.incrementAndGet(), step));
    }

    /** Re-queues the job's waiting steps at its current priority, keeping their order of arrival. */
    public void requeue(Job job) {
        List<Step> waiting = worker.getQueue().stream().map(Step.class::cast).filter(step -> step.job() == job).toList();
        for (Step step : waiting) {
            if (worker.remove(step)) {
                worker.execute(new Step(job, job.priority(), step.order(), step.action()));
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
