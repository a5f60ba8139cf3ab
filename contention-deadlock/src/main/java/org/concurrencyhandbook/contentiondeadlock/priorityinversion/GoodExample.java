package org.concurrencyhandbook.contentiondeadlock.priorityinversion;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * 2.4 Priority inversion — the fixed connection: priority inheritance.
 *
 * <p>When a job has to wait for the connection, the holder inherits the waiter's priority if it is higher, and its
 * queued steps are moved up accordingly; on release it falls back to its own. The low job's last step now outranks
 * the medium jobs, runs, and hands the connection to the high job at once: the high job waits only for the work that
 * really stands between it and the connection.
 *
 * <p>The other fix is structural: no resource shared across priority classes — give urgent work a connection of its
 * own. Simpler, when resources allow.
 *
 * <p>Run it: {@code ./handbook 2.4}. It exits 0: the high-priority job finished before every medium-priority one.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.4} printed:
 * <pre>
 * One worker thread, highest priority first. The nightly report (priority 1) holds the export connection when the alert (priority 10, needs the connection) and 20 thumbnails (priority 5) arrive.
 * Finished, in order: [nightly-report, alert, thumbnail-1, thumbnail-2, thumbnail-3, thumbnail-4, thumbnail-5, thumbnail-6, thumbnail-7, thumbnail-8, thumbnail-9, thumbnail-10, thumbnail-11, thumbnail-12, thumbnail-13, thumbnail-14, thumbnail-15, thumbnail-16, thumbnail-17, thumbnail-18, thumbnail-19, thumbnail-20]
 * The alert finished #2, before every thumbnail: it waited only for the report that held the connection, which ran at the alert's priority meanwhile.
 * </pre>
 */
public final class GoodExample implements ExportConnection {

    private final PriorityExecutor executor;
    private final Queue<Waiting> waiting = new ArrayDeque<>();
    private Job holder;

    private record Waiting(Job job, Runnable then) {
    }

    public GoodExample(PriorityExecutor executor) {
        this.executor = executor;
    }

    @Override
    public synchronized void acquire(Job job, Runnable then) {
        if (holder == null) {
            holder = job;
            executor.run(job, then);
            return;
        }
        waiting.add(new Waiting(job, then));
        holder.inherit(job.priority());
        executor.requeue(holder);
    }

    @Override
    public synchronized void release(Job job) {
        job.restore();
        Waiting next = waiting.poll();
        holder = next == null ? null : next.job();
        if (next != null) {
            waiting.forEach(still -> next.job().inherit(still.job().priority()));
            executor.run(next.job(), next.then());
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
