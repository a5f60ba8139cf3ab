package org.concurrencyhandbook.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Signals that stay meaningful on a noisy two-core machine, for pitfalls that are about cost or concurrency rather
 * than correctness: a thread's CPU time, the largest number of threads seen inside a section at once, and the live
 * threads a piece of code left behind. None of them is a wall-clock threshold.
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

    /** Counts the threads inside a section and remembers the most that were ever inside it together. */
    public static final class ConcurrencyGauge {
        private final AtomicInteger inside = new AtomicInteger();
        private final AtomicInteger maximum = new AtomicInteger();

        public void enter() {
            int now = inside.incrementAndGet();
            maximum.accumulateAndGet(now, Math::max);
        }

        public void exit() {
            inside.decrementAndGet();
        }

        /** Runs the section between {@link #enter()} and {@link #exit()}. */
        public void inside(Runnable section) {
            enter();
            try {
                section.run();
            } finally {
                exit();
            }
        }

        public int maximum() {
            return maximum.get();
        }
    }

    /** The live platform threads of this JVM right now, to compare before and after a piece of code. */
    public static final class LiveThreads {
        private final Set<Long> ids;

        private LiveThreads(Set<Long> ids) {
            this.ids = ids;
        }

        public static LiveThreads snapshot() {
            return new LiveThreads(Arrays.stream(THREADS.getAllThreadIds()).boxed().collect(Collectors.toSet()));
        }

        public int count() {
            return ids.size();
        }

        /** Threads alive now that were not alive at this snapshot, with their names and states. */
        public List<String> startedSinceAndStillAlive() {
            Set<Long> now = Arrays.stream(THREADS.getAllThreadIds()).boxed().collect(Collectors.toSet());
            now.removeAll(ids);
            return Arrays.stream(THREADS.getThreadInfo(now.stream().mapToLong(Long::longValue).toArray()))
                    .filter(info -> info != null)
                    .map(info -> info.getThreadName() + " (" + info.getThreadState() + ")")
                    .sorted()
                    .toList();
        }
    }
}
