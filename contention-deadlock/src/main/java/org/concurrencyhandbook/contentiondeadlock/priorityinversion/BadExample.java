package org.concurrencyhandbook.contentiondeadlock.priorityinversion;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * 2.4 Priority inversion — the broken connection: it makes a waiting job wait, and nothing else.
 *
 * <p>A low-priority job holds the connection and has one step left before it gives it back. A high-priority job asks
 * for the connection and waits. The executor does exactly what it was built to do — it runs the highest-priority step
 * queued — and that is every medium-priority job, one after another, since each outranks the low job's last step. The
 * high job does not wait for the low job; it waits for all the medium ones, which do not even use the connection.
 *
 * <p>Run it: {@code ./handbook 2.4}. It prints the order in which the jobs finished and exits 4 (failure shown): the high-priority job
 * finished after every medium-priority one.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.4} printed:
 * <pre>
 * One worker thread, highest priority first. The nightly report (priority 1) holds the export connection when the alert (priority 10, needs the connection) and 20 thumbnails (priority 5) arrive.
 * Finished, in order: [thumbnail-1, thumbnail-2, thumbnail-3, thumbnail-4, thumbnail-5, thumbnail-6, thumbnail-7, thumbnail-8, thumbnail-9, thumbnail-10, thumbnail-11, thumbnail-12, thumbnail-13, thumbnail-14, thumbnail-15, thumbnail-16, thumbnail-17, thumbnail-18, thumbnail-19, thumbnail-20, nightly-report, alert]
 * PRIORITY INVERSION: the alert (priority 10) finished #22 of 22, after 20 thumbnails (priority 5) that ran while it waited for the nightly report (priority 1) they kept from finishing.
 * </pre>
 */
public final class BadExample implements ExportConnection {

    private final PriorityExecutor executor;
    private final Queue<Waiting> waiting = new ArrayDeque<>();
    private Job holder;

    private record Waiting(Job job, Runnable then) {
    }

    public BadExample(PriorityExecutor executor) {
        this.executor = executor;
    }

    @Override
    public synchronized void acquire(Job job, Runnable then) {
        if (holder == null) {
            holder = job;
            executor.run(job, then);
            return;
        }
        // Wrong: the holder keeps its low priority while a higher-priority job waits for it.
        waiting.add(new Waiting(job, then));
    }

    @Override
    public synchronized void release(Job job) {
        Waiting next = waiting.poll();
        holder = next == null ? null : next.job();
        if (next != null) {
            executor.run(next.job(), next.then());
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
