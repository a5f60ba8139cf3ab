package org.concurrencyhandbook.contentiondeadlock.priorityinversion;

/**
 * A job of the report server, run as a series of steps on its {@link PriorityExecutor}. Its priority may be raised for
 * a while above the one it was given — that is what priority inheritance does — and falls back afterwards.
 */
public final class Job {

    private final String name;
    private final int basePriority;
    private volatile int priority;

    public Job(String name, int priority) {
        this.name = name;
        this.basePriority = priority;
        this.priority = priority;
    }

    public String name() {
        return name;
    }

    /** The priority its steps are queued at now. */
    public int priority() {
        return priority;
    }

    /** Raises the priority to {@code inherited}, if that is higher. */
    public void inherit(int inherited) {
        priority = Math.max(priority, inherited);
    }

    /** Back to the priority it was given. */
    public void restore() {
        priority = basePriority;
    }

    @Override
    public String toString() {
        return name + " (priority " + priority + ")";
    }
}
