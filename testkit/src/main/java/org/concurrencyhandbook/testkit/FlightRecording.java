package org.concurrencyhandbook.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.concurrencyhandbook.support.Verdict;

/**
 * A handbook {@code main} run under Java Flight Recorder, in a JVM of its own, and what the recording holds: the
 * question a reader asks of JFR in production is "would it have shown me this?", so the recording uses the JDK's own
 * {@code default} settings — what {@code -XX:StartFlightRecording} gives — with their 20 ms thresholds for a
 * contended monitor enter ({@code jdk.JavaMonitorEnter}), a monitor wait ({@code jdk.JavaMonitorWait}), a park
 * ({@code jdk.ThreadPark}) and a pinned virtual thread ({@code jdk.VirtualThreadPinned}), and the thread dump it
 * takes as each chunk ends ({@code jdk.ThreadDump}, the same text as {@code jcmd Thread.print}).
 *
 * <p>JFR commits a wait when it <em>ends</em>: a thread blocked until its JVM exits leaves no event at all. That is
 * why a deadlock shows, if anywhere, only in a thread dump. And a bad main that ends its stuck threads itself — it
 * interrupts them when it gives up, so that it can exit — makes JFR commit waits that in production would never
 * end: a long wait in the recording of such a main is the demo's teardown, not something JFR would have shown.
 */
public record FlightRecording(ChildJvm.Result run, List<Wait> waits, List<String> threadDumps) {

    /** The blocking events JFR's default settings record, by name. */
    public static final Set<String> WAIT_EVENTS = Set.of("jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark",
            "jdk.VirtualThreadPinned");

    /** HotSpot's report: "Found one Java-level deadlock:" per cycle, then "Found N deadlock(s)." once. */
    private static final Pattern DEADLOCK_REPORT = Pattern.compile("(?s)Found one Java-level deadlock:.*?Found \\d+ deadlocks?\\.");
    /** A frame of the handbook's own code: a wait in it is the scenario's, not an idle JDK thread's. */
    private static final String OUR_CODE = "org.concurrencyhandbook.";

    /**
     * One blocking event: which, on which thread, how long, and on what — the monitor's class for a monitor event,
     * the {@code parkBlocker}'s class for a park ({@code ""} when the park named none).
     */
    public record Wait(String event, String thread, boolean virtualThread, String on, Duration duration,
                       List<String> frames) {

        public boolean lastedAtLeast(Duration bound) {
            return duration.compareTo(bound) >= 0;
        }

        /** Whether a frame of its stack is in this class ({@code java.util.concurrent.CyclicBarrier}). */
        public boolean inClass(String className) {
            return frames.stream().anyMatch(frame -> frame.startsWith(className + "."));
        }

        @Override
        public String toString() {
            return event + " " + duration.toMillis() + " ms on " + (on.isEmpty() ? "nothing named" : on) + " by \""
                    + thread + "\"" + (virtualThread ? " (virtual)" : "");
        }
    }

    /**
     * Runs {@code mainClass} under JFR and reads its recording. The run must end with the verdict {@code expected}:
     * a recording of a crash, or of a main killed at its time limit, shows nothing a reader would meet.
     */
    public static FlightRecording of(Class<?> mainClass, Verdict expected) throws InterruptedException {
        Path file = ChildJvm.freshTempPath(".jfr");
        try {
            ChildJvm.Result run = ChildJvm.of(mainClass)
                    .jvmArgs("-XX:StartFlightRecording:settings=default,dumponexit=true,filename=" + file,
                            "-Xlog:jfr+startup=error")
                    .run();
            if (run.verdict().filter(expected::equals).isEmpty()) {
                throw new IllegalStateException("the recorded run did not end as " + expected + " (its recording is kept"
                        + " in " + file + "):\n" + run.describe());
            }
            FlightRecording recording = read(run, file);
            Files.deleteIfExists(file);
            return recording;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the recording " + file, e);
        }
    }

    /**
     * How long a wait must last to count as a stall in a handbook main: the bad mains' stalls lasted 1.0–2.0 s under JFR
     * here (until the main detected them and ended), the good mains' longest wait 26 ms — 500 ms leaves a wide margin
     * both ways, for a loaded machine.
     */
    public static final Duration LONG_WAIT = Duration.ofMillis(500);

    /**
     * The waits that lasted {@link #LONG_WAIT} or more in the scenario's own code — not on {@code main}, which only
     * starts the threads and watches, and not on the JDK's idle threads (a {@code ForkJoinPool} worker or a timer
     * parked between tasks).
     */
    public List<Wait> longWaits() {
        return waits.stream().filter(wait -> !wait.thread().equals("main") && wait.lastedAtLeast(LONG_WAIT)
                && wait.frames().stream().anyMatch(frame -> frame.startsWith(OUR_CODE))).toList();
    }

    /** Whether a reader looking at this recording would see a stall: a deadlock report, or a long wait. */
    public boolean showsAStall() {
        return deadlockReport().isPresent() || !longWaits().isEmpty();
    }

    /** A short account of the recording, for assertion messages. */
    public String describe() {
        return "JFR recorded " + waits.size() + " waits of 20 ms or more" + (waits.isEmpty() ? "" : ", the longest "
                + waits.stream().max(Comparator.comparing(Wait::duration)).orElseThrow()) + "; long waits: "
                + longWaits() + "; deadlock report: " + deadlockReport().orElse("none") + "\n" + run.describe();
    }

    /** The deadlock report of the recording's thread dumps ("Found one Java-level deadlock: … Found 1 deadlock."). */
    public Optional<String> deadlockReport() {
        return threadDumps.stream().map(DEADLOCK_REPORT::matcher).filter(Matcher::find).map(Matcher::group)
                .reduce((first, last) -> last);
    }

    private static FlightRecording read(ChildJvm.Result run, Path file) {
        List<Wait> waits = new ArrayList<>();
        List<String> dumps = new ArrayList<>();
        try {
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                String type = event.getEventType().getName();
                if (type.equals("jdk.ThreadDump")) {
                    dumps.add(event.getString("result"));
                } else if (WAIT_EVENTS.contains(type)) {
                    waits.add(new Wait(type, event.getThread() == null ? "" : event.getThread().getJavaName(),
                            event.getThread() != null && event.getThread().isVirtual(), blocker(event),
                            event.getDuration(), frames(event)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the recording of " + run.describe(), e);
        }
        if (dumps.isEmpty()) {
            throw new IllegalStateException("the recording holds no thread dump; JFR's default settings take one as each"
                    + " chunk ends:\n" + run.describe());
        }
        return new FlightRecording(run, List.copyOf(waits), List.copyOf(dumps));
    }

    private static String blocker(RecordedEvent event) {
        for (String field : List.of("monitorClass", "parkedClass")) {
            if (event.hasField(field)) {
                RecordedClass type = event.getClass(field);
                return type == null ? "" : type.getName();
            }
        }
        return "";
    }

    private static List<String> frames(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return List.of();
        }
        return event.getStackTrace().getFrames().stream().map(RecordedFrame::getMethod)
                .map(method -> method.getType().getName() + "." + method.getName()).toList();
    }
}
