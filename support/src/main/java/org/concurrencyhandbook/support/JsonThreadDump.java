package org.concurrencyhandbook.support;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A thread dump in the JSON format of {@code jcmd <pid> Thread.dump_to_file -format=json}: the dump that lists virtual
 * threads, which {@code jcmd Thread.print} and {@code ThreadMXBean} leave out. On JDK 25 it gives each thread its
 * state, its stack, the monitor it is blocked on, the monitors it owns and — for a virtual thread mounted at that
 * moment — its carrier. It has the facts but no analysis: a deadlock cycle or a pinned thread is for a reader (or this
 * class's callers) to find in it.
 */
public record JsonThreadDump(List<DumpedThread> threads) {

    private static final Pattern EACH_THREAD = Pattern.compile("\"tid\": \"(\\d+)\"");
    private static final Pattern NAME = Pattern.compile("\"name\": \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern STATE = Pattern.compile("\"state\": \"(\\w+)\"");
    private static final Pattern CARRIER = Pattern.compile("\"carrier\": \"(\\d+)\"");
    private static final Pattern BLOCKED_ON = Pattern.compile("\"blockedOn\": \"([^\"]+)\"");
    private static final Pattern OWNED_MONITOR = Pattern.compile("\"locks\": \\[\\s*\"([^\"]+)\"");
    private static final Pattern STACK = Pattern.compile("(?s)\"stack\": \\[(.*?)]");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * One thread as the dump shows it. {@code carrier} is the thread id of the platform thread a virtual thread is
     * mounted on, empty when it is not mounted (or is not virtual); {@code blockedOn} is {@code "-"} when it names none.
     */
    public record DumpedThread(String tid, String name, boolean virtual, String state, Optional<String> carrier,
                               List<String> stack, String blockedOn, List<String> monitorsOwned) {

        /**
         * A virtual thread that waits while it keeps its carrier: pinned. An unpinned virtual thread that waits is
         * unmounted and has no carrier; one that is mounted and not waiting is running — or blocked where the dump cannot
         * say (waiting in the VM for another thread's class initialization shows as {@code RUNNABLE}).
         */
        public boolean waitingOnItsCarrier() {
            return virtual && carrier.isPresent() && (state.equals("WAITING") || state.equals("TIMED_WAITING"));
        }

        /** Whether a frame of its stack is in {@code method} of a class whose name ends with {@code classSuffix}. */
        public boolean inFrame(String classSuffix, String method) {
            return stack.stream().anyMatch(frame -> frame.contains(classSuffix + "." + method + "("));
        }
    }

    /** The dump as {@code jcmd <pid> Thread.dump_to_file -format=json} writes it: taken by another process, slowly. */
    public static JsonThreadDump viaJcmd() throws InterruptedException, IOException {
        Path file = freshFile();
        String answer = StallDetector.jcmd("Thread.dump_to_file", "-format=json", file.toString());
        if (!Files.exists(file)) {
            throw new IOException("jcmd wrote no dump: " + answer.strip());
        }
        return readAndDelete(file);
    }

    /**
     * The same dump taken from inside this JVM, through {@code HotSpotDiagnosticMXBean.dumpThreads} (the call jcmd's
     * command makes): in milliseconds, for a state that lasts less than an attach takes.
     */
    public static JsonThreadDump ofThisJvm() {
        try {
            Path file = freshFile();
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            return readAndDelete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a thread dump to a temporary file", e);
        }
    }

    /** The thread of this name, if the dump lists it. */
    public Optional<DumpedThread> named(String name) {
        return threads.stream().filter(thread -> thread.name().equals(name)).findFirst();
    }

    /** The thread of this id, if the dump lists it: a virtual thread's carrier, by its {@link DumpedThread#carrier}. */
    public Optional<DumpedThread> withTid(String tid) {
        return threads.stream().filter(thread -> thread.tid().equals(tid)).findFirst();
    }

    /** Reads a dump in the format jcmd writes; each thread's entry runs from its {@code "tid"} to the next one's. */
    public static JsonThreadDump parse(String json) {
        List<DumpedThread> threads = new ArrayList<>();
        Matcher start = EACH_THREAD.matcher(json);
        List<Integer> starts = new ArrayList<>();
        List<String> tids = new ArrayList<>();
        while (start.find()) {
            starts.add(start.start());
            tids.add(start.group(1));
        }
        for (int i = 0; i < starts.size(); i++) {
            String entry = json.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : json.length());
            threads.add(new DumpedThread(tids.get(i), unescape(first(NAME, entry).orElse("")),
                    entry.contains("\"virtual\": true"), first(STATE, entry).orElse("-"), first(CARRIER, entry),
                    first(STACK, entry).map(JsonThreadDump::strings).orElse(List.of()),
                    first(BLOCKED_ON, entry).orElse("-"),
                    OWNED_MONITOR.matcher(entry).results().map(match -> match.group(1)).toList()));
        }
        return new JsonThreadDump(List.copyOf(threads));
    }

    private static Path freshFile() throws IOException {
        Path file = Files.createTempFile("threads", ".json");
        Files.delete(file);
        return file;
    }

    private static JsonThreadDump readAndDelete(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher match = pattern.matcher(text);
        return match.find() ? Optional.of(match.group(1)) : Optional.empty();
    }

    private static List<String> strings(String jsonArrayBody) {
        return STRING.matcher(jsonArrayBody).results().map(match -> unescape(match.group(1))).toList();
    }

    private static String unescape(String jsonString) {
        return jsonString.replace("\\/", "/").replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
