package org.concurrencyhandbook.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.concurrencyhandbook.support.Facts;
import org.concurrencyhandbook.support.FreshJvm;
import org.concurrencyhandbook.support.Verdict;

/**
 * Runs a main class in a separate JVM — the same {@code java}, by default the same class path — with a time
 * bound, its output captured, and its exit status returned.
 *
 * <p>A demo that deadlocks or spins must never take its caller with it, so a child that has not exited by itself —
 * stopped at its time-out, or its caller interrupted (which is how JUnit ends a test that timed out) — is destroyed
 * with every process it started before {@link #run()} returns. A shutdown hook destroys any child still alive when
 * this JVM exits. (A child that exits normally is trusted to have ended its own children.)
 */
public final class ChildJvm {

    /** What the child did. {@code exitCode} is the status the process ended with (after a kill, the kill's). */
    public record Result(String mainClass, int exitCode, boolean timedOut, Duration elapsed, String stdout, String stderr,
                         Map<String, String> facts) {
        public String output() {
            return stdout + stderr;
        }

        /** What the child's {@code main} reported by its exit status; empty for a crash or a run killed at the limit. */
        public Optional<Verdict> verdict() {
            return timedOut ? Optional.empty() : Verdict.ofExitStatus(exitCode);
        }

        /** A value the child recorded with {@link Facts#record}; it fails, with the whole run described, if there is none. */
        public String fact(String key) {
            String value = facts.get(key);
            if (value == null) {
                throw new NoSuchElementException("no fact \"" + key + "\" among " + facts + "\n" + describe());
            }
            return value;
        }

        public long longFact(String key) {
            return Long.parseLong(fact(key));
        }

        /** The first line of stdout that starts with {@code prefix}. */
        public String lineStartingWith(String prefix) {
            return stdout.lines().filter(line -> line.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("no line starting with \"" + prefix + "\"\n" + describe()));
        }

        /** A short account of the run, for assertion messages. */
        public String describe() {
            String end = timedOut ? "was killed after " + elapsed.toMillis() + " ms (time limit)"
                                  : "exited with status " + exitCode + " after " + elapsed.toMillis() + " ms";
            return mainClass + " " + end + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
        }
    }

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    /**
     * The one time limit for a handbook {@code main} run in a JVM of its own, by the tests and by {@code ./handbook}:
     * a main says what happened within about 2 s, and a stalled one detects that and ends within a few; the rest is
     * room for a loaded machine. A child stopped at the limit is a failure, never a verdict.
     */
    public static final Duration MAIN_LIMIT = Duration.ofSeconds(30);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ChildJvm::destroyTree), "child-jvm-reaper"));
    }

    private final String mainClass;
    private String classPath = System.getProperty("java.class.path");
    private Path java;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private Path workDir;
    private Duration timeout = MAIN_LIMIT;
    private PrintStream echo;
    private boolean collectingFacts;

    private ChildJvm(String mainClass) {
        this.mainClass = Objects.requireNonNull(mainClass);
    }

    public static ChildJvm of(Class<?> mainClass) {
        return new ChildJvm(mainClass.getName());
    }

    public static ChildJvm of(String mainClass) {
        return new ChildJvm(mainClass);
    }

    /** The child's class path; by default this JVM's {@code java.class.path}. */
    public ChildJvm classPath(String classPath) {
        this.classPath = Objects.requireNonNull(classPath);
        return this;
    }

    /** The {@code java} to run the child with; by default this JVM's own. */
    public ChildJvm java(Path java) {
        this.java = Objects.requireNonNull(java);
        return this;
    }

    public ChildJvm jvmArgs(String... jvmArgs) {
        Collections.addAll(this.jvmArgs, jvmArgs);
        return this;
    }

    public ChildJvm args(String... args) {
        Collections.addAll(this.args, args);
        return this;
    }

    public ChildJvm args(List<String> args) {
        this.args.addAll(args);
        return this;
    }

    public ChildJvm workDir(Path workDir) {
        this.workDir = workDir;
        return this;
    }

    public ChildJvm timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** Also copy the child's output, as it comes, to this stream (for a reader watching a demo). */
    public ChildJvm echoTo(PrintStream echo) {
        this.echo = echo;
        return this;
    }

    /** Hand the child a file for its {@link Facts}, and return what it recorded in {@link Result#facts()}. */
    public ChildJvm collectingFacts() {
        this.collectingFacts = true;
        return this;
    }

    public List<String> command() {
        List<String> command = new ArrayList<>(FreshJvm.command(jvmArgs, classPath, mainClass, args));
        if (java != null) {
            command.set(0, java.toString());
        }
        return command;
    }

    public Result run() throws InterruptedException {
        Path factsFile = collectingFacts ? freshTempPath(".properties") : null;
        List<String> command = command();
        if (factsFile != null) {
            command.add(1, "-D" + Facts.FILE_PROPERTY + "=" + factsFile);
        }
        try {
            return run(command, factsFile);
        } finally {
            deleteQuietly(factsFile);
        }
    }

    private Result run(List<String> command, Path factsFile) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        LIVE.add(process);
        closeStdin(process);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread outPump = pump(process.getInputStream(), stdout, "stdout");
        Thread errPump = pump(process.getErrorStream(), stderr, "stderr");
        boolean finished = false;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            if (!finished) {
                destroyTree(process);
                process.waitFor(5, TimeUnit.SECONDS);
            }
            LIVE.remove(process);
            outPump.join(2_000);
            errPump.join(2_000);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int exit = process.isAlive() ? -1 : process.exitValue();
        return new Result(mainClass, exit, !finished, elapsed, stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8), factsFile == null ? Map.of() : Facts.read(factsFile));
    }

    /**
     * A path in the temporary directory, free for a child to write to ({@code handbook-…suffix}): the file is made and
     * deleted at once, so the name is ours and the child finds no file there.
     */
    static Path freshTempPath(String suffix) {
        try {
            Path file = Files.createTempFile("handbook-", suffix);
            Files.delete(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a temporary file for a child JVM", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind does no harm
        }
    }

    private static void closeStdin(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // a child that has already exited has no stdin to close
        }
    }

    private Thread pump(InputStream from, ByteArrayOutputStream into, String name) {
        OutputStream sink = echo == null ? into : new Tee(into, echo);
        return Thread.ofPlatform().daemon().name("child-jvm-" + name).start(() -> {
            try (from) {
                from.transferTo(sink);
            } catch (IOException ignored) {
                // the child was destroyed while we read: what was read is kept
            }
        });
    }

    private static void destroyTree(Process process) {
        // Collect the descendants first: once the child is gone they are re-parented and no longer findable.
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static final class Tee extends OutputStream {
        private final ByteArrayOutputStream copy;
        private final PrintStream echo;

        Tee(ByteArrayOutputStream copy, PrintStream echo) {
            this.copy = copy;
            this.echo = echo;
        }

        @Override
        public synchronized void write(int b) {
            copy.write(b);
            echo.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            copy.write(b, off, len);
            echo.write(b, off, len);
            echo.flush();
        }
    }
}
