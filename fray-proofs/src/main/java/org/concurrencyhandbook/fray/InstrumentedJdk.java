package org.concurrencyhandbook.fray;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The JDK Fray runs on: a copy of this JDK linked by {@code jlink} with Fray's plugin, which rewrites the JDK's own
 * classes ({@code java.util.concurrent}, {@code Thread}, {@code Object.wait} …) so that every synchronization point
 * calls Fray's scheduler. It is built once into {@code target/fray/jdk} (187 MB, 30–60 s) and reused while the Fray
 * version and the JDK it was made from stay the same.
 *
 * <p>Fray's own Maven goal expects the JDK's {@code jmods/} folder, which JDKs built for JEP 493 — Temurin 25 among
 * them — no longer ship: they link from their run-time image. This does what that goal does, and where there is no
 * {@code jmods/} it names the image's modules instead of "every module on the module path".
 */
public final class InstrumentedJdk {

    /** Modules of the run-time image that cannot be linked from it (the linker itself, and the packager). */
    private static final List<String> NOT_LINKABLE = List.of("jdk.jlink", "jdk.jpackage");
    private static final Duration LINK_LIMIT = Duration.ofMinutes(5);

    /** What a run needs: the instrumented {@code java}, and the agents to start it with. Or why there is none. */
    public record Prepared(Path java, List<String> agentArgs, String unavailableBecause, Duration built) {

        public boolean ready() {
            return unavailableBecause.isEmpty();
        }

        static Prepared unavailable(String reason) {
            return new Prepared(null, List.of(), reason, Duration.ZERO);
        }
    }

    /**
     * Fray's artifacts, as the build hands them to the test: its version, its jlink plugin and the class path the plugin
     * runs with, its Java agent, and the jar of its native (JVMTI) agent for this platform.
     */
    public record Artifacts(String version, Path jlinkPlugin, String jlinkPluginPath, Path agent, Path nativeAgentJar) {

        /** As the module's surefire configuration passes them: {@code fray.version}, {@code fray.jlinkPlugin} … */
        public static Artifacts fromSystemProperties() {
            return new Artifacts(required("fray.version"), Path.of(required("fray.jlinkPlugin")),
                    required("fray.jlinkPluginPath"), Path.of(required("fray.agentJar")),
                    Path.of(required("fray.nativeAgentJar")));
        }

        private static String required(String property) {
            String value = System.getProperty(property, "");
            if (value.isEmpty() || value.contains("${")) {
                throw new IllegalStateException("the build did not pass " + property + " (run the tests through ./mvnw)");
            }
            return value;
        }
    }

    private InstrumentedJdk() {
    }

    /**
     * Builds the instrumented JDK under {@code workDir} unless it is there already, and says on {@code console} what
     * it does. Never throws for a machine that cannot run Fray: the answer then says why.
     *
     */
    public static Prepared prepare(Path workDir, Artifacts fray, PrintStream console) throws InterruptedException {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        if (!os.startsWith("Linux") || !(os.endsWith("amd64") || os.endsWith("x86_64"))) {
            return Prepared.unavailable("the handbook brings Fray's native agent for Linux x86-64 only, and this is " + os);
        }
        Path baseJdk = Path.of(System.getProperty("java.home"));
        Path jlink = baseJdk.resolve("bin/jlink");
        if (!Files.isExecutable(jlink)) {
            return Prepared.unavailable("this Java (" + baseJdk + ") has no jlink to build Fray's JDK with");
        }
        Path jdk = workDir.resolve("jdk");
        Path stamp = workDir.resolve("jdk.made-from");
        String madeFrom = "fray " + fray.version() + ", " + baseJdk + " " + System.getProperty("java.runtime.version");
        Duration built = Duration.ZERO;
        try {
            if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(madeFrom)
                    || !Files.isExecutable(jdk.resolve("bin/java"))) {
                console.printf("Fray: building its instrumented copy of this JDK in %s (once; 30-60 s, 187 MB)...%n", jdk);
                long start = System.nanoTime();
                deleteTree(jdk);
                Files.deleteIfExists(stamp);
                Files.createDirectories(workDir);
                String failure = link(baseJdk, jlink, jdk, fray, workDir.resolve("jlink.log"));
                if (!failure.isEmpty()) {
                    return Prepared.unavailable(failure);
                }
                Files.writeString(stamp, madeFrom);
                built = Duration.ofNanos(System.nanoTime() - start);
                console.printf("Fray: its JDK is ready, built in %d s.%n", built.toSeconds());
            }
            Path nativeAgent = unpackNativeAgent(fray.nativeAgentJar(), workDir.resolve("jvmti"));
            return new Prepared(jdk.resolve("bin/java"), List.of("-javaagent:" + fray.agent(), "-agentpath:" + nativeAgent),
                    "", built);
        } catch (IOException e) {
            return Prepared.unavailable("could not build Fray's JDK in " + jdk + ": " + e);
        }
    }

    private static String link(Path baseJdk, Path jlink, Path jdk, Artifacts fray, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jlink.toString(), "-J-javaagent:" + fray.jlinkPlugin(),
                "-J--module-path=" + fray.jlinkPluginPath(), "-J--add-modules=org.pastalab.fray.instrumentation.jdk",
                "-J--class-path=" + fray.jlinkPluginPath(), "--output=" + jdk));
        Path jmods = baseJdk.resolve("jmods");
        if (Files.isDirectory(jmods)) {
            command.addAll(List.of("--module-path=" + jmods, "--add-modules=ALL-MODULE-PATH"));
        } else {
            command.add("--add-modules=" + String.join(",", imageModules(baseJdk)));
        }
        command.addAll(List.of("--release-info", "add:IMPLEMENTOR=Fray", "--fray-instrumentation"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(LINK_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return "jlink had not built Fray's JDK after " + LINK_LIMIT.toMinutes() + " minutes (its output: " + log + ")";
        }
        if (process.exitValue() != 0) {
            return "jlink could not build Fray's JDK (exit " + process.exitValue() + "): " + lastLines(log);
        }
        return "";
    }

    private static List<String> imageModules(Path baseJdk) throws IOException, InterruptedException {
        Process list = new ProcessBuilder(baseJdk.resolve("bin/java").toString(), "--list-modules")
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = list.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        list.waitFor();
        return output.lines().map(line -> line.replaceFirst("@.*", "").strip())
                .filter(module -> !module.isEmpty() && !NOT_LINKABLE.contains(module)).toList();
    }

    private static Path unpackNativeAgent(Path jar, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (!entry.isDirectory() && entry.getName().endsWith(".so")) {
                    Path library = into.resolve(Path.of(entry.getName()).getFileName());
                    Files.write(library, zip.readAllBytes());
                    return library;
                }
            }
        }
        throw new IOException("no native library in " + jar);
    }

    private static String lastLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
