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
 * this JVM's; a child still running at the limit is destroyed, never left behind. (The tests' richer launcher,
 * {@code testkit.ChildJvm}, also collects facts and output; an example's main needs only this.)
 */
public final class FreshJvm {

    private FreshJvm() {
    }

    /** Runs {@code mainClass} with {@code args} and returns its exit status once it has ended. */
    public static int run(String mainClass, Duration limit, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
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
