package org.concurrencyhandbook.contentiondeadlock.priorityinversion;

import java.util.ArrayDeque;
import java.util.Queue;

/** The other connections {@link PriorityInversionTest} runs through 2.4's scenario: wrong fixes readers try, and others. */
final class OtherConnections {

    private OtherConnections() {
    }

    /** A connection held by one job at a time, waiters served first come, first served; what happens on a wait varies. */
    private abstract static class QueuedConnection implements ExportConnection {
        final PriorityExecutor executor;
        private final Queue<Waiting> waiting = new ArrayDeque<>();
        Job holder;

        private record Waiting(Job job, Runnable then) {
        }

        QueuedConnection(PriorityExecutor executor) {
            this.executor = executor;
        }

        /** Called, under the connection's lock, when {@code waiter} has been queued behind {@link #holder}. */
        abstract void waiting(Job waiter);

        /** Called, under the connection's lock, when {@code job} has just taken the connection. */
        void took(Job job) {
        }

        @Override
        public synchronized void acquire(Job job, Runnable then) {
            if (holder == null) {
                holder = job;
                took(job);
                executor.run(job, then);
                return;
            }
            waiting.add(new Waiting(job, then));
            waiting(job);
        }

        @Override
        public synchronized void release(Job job) {
            job.restore();
            Waiting next = waiting.poll();
            holder = next == null ? null : next.job();
            if (next != null) {
                took(next.job());
                executor.run(next.job(), next.then());
            }
        }
    }

    /**
     * Tempts because the alert is the urgent one, so "raise its priority"; but the alert is not what waits in the
     * worker's queue — the holder's last step is, still at priority 1, behind every thumbnail.
     */
    static final class BoostTheWaiter extends QueuedConnection {
        BoostTheWaiter(PriorityExecutor executor) {
            super(executor);
        }

        @Override
        void waiting(Job waiter) {
            waiter.inherit(Integer.MAX_VALUE);
        }
    }

    /**
     * Tempts because it is priority inheritance, nearly: the holder's priority is raised, but its step already queued
     * keeps the priority it was queued at. Inheritance must reach the work already waiting, not only the next.
     */
    static final class InheritWithoutRequeue extends QueuedConnection {
        InheritWithoutRequeue(PriorityExecutor executor) {
            super(executor);
        }

        @Override
        void waiting(Job waiter) {
            holder.inherit(waiter.priority());
        }
    }

    /**
     * Holds because whoever holds the connection runs at the highest priority of any job that may ever use it (the
     * priority ceiling protocol): the report's last step outranks the thumbnails before the alert even arrives.
     */
    static final class PriorityCeiling extends QueuedConnection {
        PriorityCeiling(PriorityExecutor executor) {
            super(executor);
        }

        @Override
        void took(Job job) {
            job.inherit(Scenario.HIGH);
        }

        @Override
        void waiting(Job waiter) {
        }
    }
}
