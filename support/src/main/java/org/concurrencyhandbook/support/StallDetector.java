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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds deadlocked threads with {@link ThreadMXBean#findDeadlockedThreads()} — which covers both monitors
 * ({@code synchronized}) and ownable synchronizers ({@code ReentrantLock}, {@code ReentrantReadWriteLock}) —
 * and says in words what a reader needs to understand a stall: which thread holds which lock, which it waits for and
 * where, and the cycle. The threads' full stacks come on request ({@value #THREAD_DUMP_PROPERTY}), because a dump
 * buries the one line that explains the stall.
 *
 * <p>A cycle in which a thread waits with a time-out ({@code tryLock(timeout)}) is not a deadlock — it ends when the
 * time-out expires — but {@code findDeadlockedThreads()} reports it too (seen on JDK 25); this class leaves it out.
 *
 * <p>What it cannot see, by design of the JVM (checked on JDK 25): a class-initialization deadlock (its threads
 * are RUNNABLE and hold no monitor the MXBean knows of) and any cycle that includes a virtual thread.
 * Scenarios of those use a progress check in {@link Watchdog} and {@link #jcmd} instead.
 */
public final class StallDetector {

    /** Set to {@code true} ({@code ./handbook <id> --thread-dump}) to print the stalled threads' full stacks too. */
    public static final String THREAD_DUMP_PROPERTY = "handbook.threadDump";

    private static final String HOW_TO_ASK_FOR_STACKS =
            "(Full stacks: add --thread-dump to ./handbook, or -D" + THREAD_DUMP_PROPERTY + "=true to java.)\n";

    private static final java.time.Duration JCMD_LIMIT = java.time.Duration.ofSeconds(30);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StallDetector() {
    }

    /** A deadlock: the threads of the cycle, in cycle order, and what each thread's line says in words. */
    public record Deadlock(List<ThreadInfo> cycle, List<String> lines) {

        public List<String> threadNames() {
            return cycle.stream().map(ThreadInfo::getThreadName).toList();
        }

        /** The class of the lock each thread of the cycle waits for, in cycle order: a monitor's class, or a synchronizer's. */
        public List<String> lockClassesWaitedFor() {
            return cycle.stream().map(thread -> thread.getLockInfo().getClassName()).toList();
        }

        /** One line per thread: what it holds, what it waits for, who holds that and where; then the cycle. */
        public String describeCycle() {
            StringBuilder text = new StringBuilder("Deadlock: " + cycle.size() + " threads wait for each other\n");
            lines.forEach(line -> text.append("  ").append(line).append('\n'));
            String loop = cycle.stream().map(t -> "\"" + t.getThreadName() + "\"").collect(Collectors.joining(" -> "));
            text.append("  cycle: ").append(loop).append(" -> \"").append(cycle.getFirst().getThreadName()).append("\"\n");
            return text.toString();
        }

        @Override
        public String toString() {
            return describeCycle();
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
        return findDeadlock(among, LockNames.none());
    }

    /** As {@link #findDeadlock(Collection)}, calling the locks by the names given. */
    public static Optional<Deadlock> findDeadlock(Collection<Thread> among, LockNames names) {
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
                Map<Long, Thread> live = among == null ? Map.of() : byId(among);
                return Optional.of(new Deadlock(cycle, cycle.stream().map(t -> inWords(t, names, live, cycle)).toList()));
            }
        }
        return Optional.empty();
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
        java.nio.file.Path output = null;
        Process jcmd = null;
        try {
            output = java.nio.file.Files.createTempFile("jcmd", ".txt");
            jcmd = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!jcmd.waitFor(JCMD_LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return "(jcmd did not answer within " + JCMD_LIMIT.toSeconds() + " s)";
            }
            String printed = java.nio.file.Files.readString(output);
            return jcmd.exitValue() == 0 ? printed : "(jcmd failed, exit " + jcmd.exitValue() + ": " + printed.strip() + ")";
        } catch (java.io.IOException e) {
            return "(jcmd could not run: " + e.getMessage() + ")";
        } finally {
            if (jcmd != null) {
                jcmd.destroyForcibly();
            }
            if (output != null) {
                output.toFile().delete();
            }
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

    /** A thread dump of these threads only, the locks called by the names given. */
    public static String dump(Collection<Thread> threads, LockNames names) {
        List<ThreadInfo> infos = infos(threads);
        return render(infos, lock -> names.nameOf(lock, byId(threads), infos));
    }

    /**
     * One line per thread, in words: what it holds, what it waits for (and who holds that), in which call, from which
     * line of the scenario's code — e.g. {@code "worker-1" waits in CyclicBarrier.await, at BadExample.work
     * (BadExample.java:28)}.
     */
    public static List<String> describe(Collection<Thread> threads, LockNames names) {
        List<ThreadInfo> infos = infos(threads);
        Map<Long, Thread> live = byId(threads);
        return infos.stream().map(info -> inWords(info, names, live, infos)).toList();
    }

    /**
     * The threads' full stacks when the reader asked for them ({@value #THREAD_DUMP_PROPERTY}); otherwise one line
     * saying how to ask.
     */
    public static String stacksOnRequest(Collection<Thread> threads, LockNames names) {
        return threadDumpAsked() ? dump(threads, names) : HOW_TO_ASK_FOR_STACKS;
    }

    /** The line a diagnosis ends with when the reader did not ask for the stacks. */
    public static String howToAskForStacks() {
        return HOW_TO_ASK_FOR_STACKS;
    }

    /** Whether the reader asked for full thread dumps ({@value #THREAD_DUMP_PROPERTY}). */
    public static boolean threadDumpAsked() {
        return Boolean.getBoolean(THREAD_DUMP_PROPERTY);
    }

    /** The JDK method the thread's own code called and now waits in ({@code FutureTask.get}), or its state if none. */
    public static String waitingIn(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        int own = ownFrame(stack);
        return own > 0 ? method(stack[own - 1]) : thread.getState().toString();
    }

    private static List<ThreadInfo> infos(Collection<Thread> threads) {
        long[] ids = threads.stream().mapToLong(Thread::threadId).toArray();
        return Arrays.stream(THREADS.getThreadInfo(ids, true, true)).filter(i -> i != null).toList();
    }

    private static Map<Long, Thread> byId(Collection<Thread> threads) {
        Map<Long, Thread> byId = new LinkedHashMap<>();
        threads.forEach(thread -> byId.put(thread.threadId(), thread));
        return byId;
    }

    private static String inWords(ThreadInfo thread, LockNames names, Map<Long, Thread> live, Collection<ThreadInfo> dump) {
        StringBuilder line = new StringBuilder("\"").append(thread.getThreadName()).append("\" ");
        List<String> held = new java.util.ArrayList<>();
        for (MonitorInfo monitor : thread.getLockedMonitors()) {
            held.add(names.nameOf(monitor, live, dump));
        }
        for (LockInfo synchronizer : thread.getLockedSynchronizers()) {
            // A pool thread holds its own Worker while it runs a task: true of every pool thread, so it explains nothing.
            if (!synchronizer.getClassName().equals("java.util.concurrent.ThreadPoolExecutor$Worker")) {
                held.add(names.nameOf(synchronizer, live, dump));
            }
        }
        if (!held.isEmpty()) {
            line.append("holds ").append(String.join(", ", held)).append(" and ");
        }
        StackTraceElement[] stack = thread.getStackTrace();
        int own = ownFrame(stack);
        LockInfo waitedFor = thread.getLockInfo();
        switch (thread.getThreadState()) {
            case BLOCKED -> line.append("waits to lock ").append(names.nameOf(waitedFor, live, dump));
            case WAITING, TIMED_WAITING -> {
                line.append("waits in ").append(own > 0 ? method(stack[own - 1]) : "the JDK");
                if (waitedFor != null && thread.getLockOwnerName() != null) {
                    line.append(" for ").append(names.nameOf(waitedFor, live, dump));
                }
            }
            default -> line.append("is ").append(thread.getThreadState().toString().toLowerCase(java.util.Locale.ROOT));
        }
        if (thread.getLockOwnerName() != null) {
            line.append(", held by \"").append(thread.getLockOwnerName()).append('"');
        }
        if (own >= 0) {
            line.append(", at ").append(method(stack[own])).append(" (").append(source(stack[own])).append(')');
        }
        return line.toString();
    }

    /** The first frame of the scenario's own code: the JDK's frames above it are how it waits, not why. */
    private static int ownFrame(StackTraceElement[] stack) {
        for (int depth = 0; depth < stack.length; depth++) {
            String type = stack[depth].getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return depth;
            }
        }
        return -1;
    }

    /** {@code CyclicBarrier.await}, {@code BadExample.WithMonitors.transfer}, {@code a lambda in BadExample.build}. */
    private static String method(StackTraceElement frame) {
        String type = frame.getClassName();
        String simple = type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
        String name = frame.getMethodName();
        return name.startsWith("lambda$") ? "a lambda in " + simple + "." + name.split("\\$")[1] : simple + "." + name;
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

    private static String source(StackTraceElement frame) {
        if (frame.isNativeMethod()) {
            return "Native Method";
        }
        return frame.getFileName() == null ? "Unknown Source" : frame.getFileName() + ":" + frame.getLineNumber();
    }

    private static String render(List<ThreadInfo> threads, Function<LockInfo, String> lockName) {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo thread : threads) {
            dump.append('"').append(thread.getThreadName()).append("\" #").append(thread.getThreadId());
            if (thread.isDaemon()) {
                dump.append(" daemon");
            }
            dump.append(' ').append(thread.getThreadState());
            if (thread.getLockInfo() != null) {
                dump.append(" on ").append(lockName.apply(thread.getLockInfo()));
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
                    dump.append("\t-  ").append(how).append(lockName.apply(thread.getLockInfo())).append('\n');
                }
                for (MonitorInfo monitor : thread.getLockedMonitors()) {
                    if (monitor.getLockedStackDepth() == depth) {
                        dump.append("\t-  locked ").append(lockName.apply(monitor)).append('\n');
                    }
                }
            }
            LockInfo[] synchronizers = thread.getLockedSynchronizers();
            if (synchronizers.length > 0) {
                dump.append("\tLocked ownable synchronizers:\n");
                for (LockInfo synchronizer : synchronizers) {
                    dump.append("\t-  ").append(lockName.apply(synchronizer)).append('\n');
                }
            }
            dump.append('\n');
        }
        return dump.toString();
    }
}
