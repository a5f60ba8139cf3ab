package org.concurrencyhandbook.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this program in a JVM of its own — this JVM's {@code java}, this class path — for the scenarios
 * whose subject is how a JVM ends: a main that returns while daemon threads still work. The child's output goes to
 * this JVM's; a child still running at the limit is destroyed, never left behind. The tests' launcher,
 * {@code testkit.ChildJvm}, builds its command here too, and adds collected facts and captured output.
 */
public final class FreshJvm {

    private FreshJvm() {
    }

    /**
     * The command that runs {@code mainClass} in a new JVM: this JVM's {@code java}, {@code jvmArgs}, the class path,
     * the class, {@code args}. The one place the handbook builds it — the tests' {@code ChildJvm} uses it too.
     */
    public static List<String> command(List<String> jvmArgs, String classPath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(args);
        return command;
    }

    /** Runs {@code mainClass} with {@code args} and returns its exit status once it has ended. */
    public static int run(String mainClass, Duration limit, String... args) throws InterruptedException {
        List<String> command = command(List.of(), System.getProperty("java.class.path"), mainClass, List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + mainClass + " in a JVM of its own", e);
        }
        boolean ended = false;
        try {
            ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        if (!ended) {
            throw new IllegalStateException(mainClass + " was still running after " + limit.toSeconds() + " s");
        }
        return process.exitValue();
    }
}
