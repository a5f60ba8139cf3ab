package org.concurrencyhandbook.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The live platform threads of this JVM at one moment, to tell which threads a scenario left behind. */
public final class LiveThreads {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Set<Long> ids;

    private LiveThreads(Set<Long> ids) {
        this.ids = ids;
    }

    public static LiveThreads snapshot() {
        return new LiveThreads(Arrays.stream(THREADS.getAllThreadIds()).boxed().collect(Collectors.toSet()));
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
