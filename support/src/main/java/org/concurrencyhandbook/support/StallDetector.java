package org.concurrencyhandbook.support;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds deadlocked threads with {@link ThreadMXBean#findDeadlockedThreads()} — which covers both monitors
 * ({@code synchronized}) and ownable synchronizers ({@code ReentrantLock}, {@code ReentrantReadWriteLock}) —
 * and renders what a reader needs to understand the stall: the cycle (who holds what, who waits for what) and a
 * thread dump of the threads in it.
 *
 * <p>A cycle in which a thread waits with a time-out ({@code tryLock(timeout)}) is not a deadlock — it ends when the
 * time-out expires — but {@code findDeadlockedThreads()} reports it too (seen on JDK 25); this class leaves it out.
 *
 * <p>What it cannot see, by design of the JVM (checked on JDK 25): a class-initialization deadlock (its threads
 * are RUNNABLE and hold no monitor the MXBean knows of) and any cycle that includes a virtual thread.
 * Demos of those use a progress check in {@link Watchdog} and {@link #dumpAll()} instead.
 */
public final class StallDetector {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StallDetector() {
    }

    /** A deadlock: the threads of the cycle, in cycle order. */
    public record Deadlock(List<ThreadInfo> cycle) {

        public List<String> threadNames() {
            return cycle.stream().map(ThreadInfo::getThreadName).toList();
        }

        /** The class of the lock each thread of the cycle waits for, in cycle order: a monitor's class, or a synchronizer's. */
        public List<String> lockClassesWaitedFor() {
            return cycle.stream().map(thread -> thread.getLockInfo().getClassName()).toList();
        }

        /** One line per thread: what it waits for and who holds it, then the cycle in one line. */
        public String describeCycle() {
            StringBuilder text = new StringBuilder("Deadlock: " + cycle.size() + " threads wait for each other\n");
            for (ThreadInfo thread : cycle) {
                text.append("  \"").append(thread.getThreadName()).append("\" holds ")
                    .append(heldBy(thread)).append(" and waits for ").append(lockName(thread.getLockInfo()))
                    .append(", held by \"").append(thread.getLockOwnerName()).append("\"\n");
            }
            String loop = cycle.stream().map(t -> "\"" + t.getThreadName() + "\"").collect(Collectors.joining(" -> "));
            text.append("  cycle: ").append(loop).append(" -> \"").append(cycle.getFirst().getThreadName()).append("\"\n");
            return text.toString();
        }

        @Override
        public String toString() {
            return describeCycle() + "\n" + render(cycle);
        }
    }

    /** The deadlock the JVM can see right now, if any, among all threads. */
    public static Optional<Deadlock> findDeadlock() {
        return findDeadlock(null);
    }

    /**
     * The deadlock the JVM can see right now among these threads (a cycle is reported when at least one of them is
     * in it), so that a test is not confused by a deadlock elsewhere in its JVM.
     */
    public static Optional<Deadlock> findDeadlock(Collection<Thread> among) {
        long[] ids = THREADS.findDeadlockedThreads();
        if (ids == null) {
            return Optional.empty();
        }
        Map<Long, ThreadInfo> infos = new LinkedHashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(ids, true, true)) {
            if (info != null) {
                infos.put(info.getThreadId(), info);
            }
        }
        Set<Long> wanted = among == null ? infos.keySet()
                : among.stream().map(Thread::threadId).filter(infos::containsKey).collect(Collectors.toSet());
        for (long start : wanted) {
            List<ThreadInfo> cycle = cycleFrom(start, infos);
            // The JVM also reports cycles of timed waits (tryLock with a time-out): they end by themselves.
            boolean permanent = cycle.stream().noneMatch(t -> t.getThreadState() == Thread.State.TIMED_WAITING);
            if (!cycle.isEmpty() && permanent) {
                return Optional.of(new Deadlock(cycle));
            }
        }
        return Optional.empty();
    }

    /** A thread dump of every live platform thread, with locked monitors and synchronizers. */
    public static String dumpAll() {
        return render(Arrays.asList(THREADS.dumpAllThreads(true, true)));
    }

    /**
     * What {@code jcmd <this JVM's pid> <command>} prints — e.g. {@code Thread.print}, the VM's own thread dump, which
     * shows what {@link ThreadMXBean} cannot: a thread "waiting on the Class initialization monitor", or the
     * deadlock report for platform threads. Runs the {@code jcmd} of the JDK this JVM runs on.
     */
    public static String jcmd(String... command) throws InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(ProcessHandle.current().pid())));
        line.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
            }
            return output;
        } catch (java.io.IOException e) {
            return "(jcmd could not run: " + e.getMessage() + ")";
        }
    }

    /** The part of a {@code jcmd Thread.print} dump about one thread: its header line and its stack. */
    public static String threadSection(String threadPrint, String threadName) {
        int start = threadPrint.indexOf("\"" + threadName + "\"");
        if (start < 0) {
            return "";
        }
        int end = threadPrint.indexOf("\n\n", start);
        return threadPrint.substring(start, end < 0 ? threadPrint.length() : end) + "\n";
    }

    /** A thread dump of these threads only. */
    public static String dump(Collection<Thread> threads) {
        long[] ids = threads.stream().mapToLong(Thread::threadId).toArray();
        return render(Arrays.stream(THREADS.getThreadInfo(ids, true, true)).filter(i -> i != null).toList());
    }

    private static List<ThreadInfo> cycleFrom(long start, Map<Long, ThreadInfo> infos) {
        // Follow "waits for a lock owned by" from start until we come back to a thread already seen.
        Map<Long, ThreadInfo> path = new LinkedHashMap<>();
        long current = start;
        while (infos.containsKey(current) && !path.containsKey(current)) {
            ThreadInfo info = infos.get(current);
            path.put(current, info);
            current = info.getLockOwnerId();
        }
        if (!path.containsKey(current)) {
            return List.of();
        }
        List<ThreadInfo> walked = List.copyOf(path.values());
        int loopStart = List.copyOf(path.keySet()).indexOf(current);
        return walked.subList(loopStart, walked.size());
    }

    private static String heldBy(ThreadInfo thread) {
        List<String> held = new java.util.ArrayList<>();
        for (MonitorInfo monitor : thread.getLockedMonitors()) {
            held.add(lockName(monitor));
        }
        for (LockInfo synchronizer : thread.getLockedSynchronizers()) {
            held.add(lockName(synchronizer));
        }
        return held.isEmpty() ? "nothing" : String.join(", ", held);
    }

    private static String lockName(LockInfo lock) {
        if (lock == null) {
            return "nothing";
        }
        return lock.getClassName() + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    private static String source(StackTraceElement frame) {
        if (frame.isNativeMethod()) {
            return "Native Method";
        }
        return frame.getFileName() == null ? "Unknown Source" : frame.getFileName() + ":" + frame.getLineNumber();
    }

    static String render(List<ThreadInfo> threads) {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo thread : threads) {
            dump.append('"').append(thread.getThreadName()).append("\" #").append(thread.getThreadId());
            if (thread.isDaemon()) {
                dump.append(" daemon");
            }
            dump.append(' ').append(thread.getThreadState());
            if (thread.getLockInfo() != null) {
                dump.append(" on ").append(lockName(thread.getLockInfo()));
            }
            if (thread.getLockOwnerName() != null) {
                dump.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
            }
            dump.append('\n');
            StackTraceElement[] stack = thread.getStackTrace();
            for (int depth = 0; depth < stack.length; depth++) {
                StackTraceElement frame = stack[depth];
                dump.append("\tat ").append(frame.getClassName()).append('.').append(frame.getMethodName())
                    .append('(').append(source(frame)).append(")\n");
                if (depth == 0 && thread.getLockInfo() != null) {
                    String how = thread.getThreadState() == Thread.State.BLOCKED ? "waiting to lock " : "waiting on ";
                    dump.append("\t-  ").append(how).append(lockName(thread.getLockInfo())).append('\n');
                }
                for (MonitorInfo monitor : thread.getLockedMonitors()) {
                    if (monitor.getLockedStackDepth() == depth) {
                        dump.append("\t-  locked ").append(lockName(monitor)).append('\n');
                    }
                }
            }
            LockInfo[] synchronizers = thread.getLockedSynchronizers();
            if (synchronizers.length > 0) {
                dump.append("\tLocked ownable synchronizers:\n");
                for (LockInfo synchronizer : synchronizers) {
                    dump.append("\t-  ").append(lockName(synchronizer)).append('\n');
                }
            }
            dump.append('\n');
        }
        return dump.toString();
    }
}
