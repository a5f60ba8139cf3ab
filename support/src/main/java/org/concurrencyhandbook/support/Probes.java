package org.concurrencyhandbook.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * A signal that stays meaningful on a noisy two-core machine, for pitfalls that are about cost rather than
 * correctness: a thread's CPU time, which — unlike a wall-clock threshold — a descheduled thread does not accrue.
 */
public final class Probes {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Probes() {
    }

    /** CPU time the thread has used so far (user + system), as the JVM measures it; zero if it has ended. */
    public static Duration cpuTime(Thread thread) {
        long nanos = THREADS.getThreadCpuTime(thread.threadId());
        return Duration.ofNanos(Math.max(nanos, 0));
    }

    /** CPU time of the calling thread so far. */
    public static Duration cpuTimeOfCurrentThread() {
        return Duration.ofNanos(THREADS.getCurrentThreadCpuTime());
    }
}
