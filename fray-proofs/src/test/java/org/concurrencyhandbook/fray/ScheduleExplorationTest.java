package org.concurrencyhandbook.fray;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every pitfall's {@code FrayExplorationTest} on Fray's instrumented JDK, in two JVMs of their own, each with half
 * of them, after building that JDK if this is the first run. On a machine where Fray cannot run, the explorations are
 * skipped — inconclusive, with the reason — and the build goes on.
 */
@Timeout(600)
class ScheduleExplorationTest {

    private static final Duration EXPLORATIONS_LIMIT = Duration.ofMinutes(5);
    /** One JVM per core of the machines the build is meant for: Fray runs one thread at a time. */
    private static final int SHARES = 2;

    @Test
    void everyExplorationPassesUnderFraysScheduler() throws Exception {
        InstrumentedJdk.Prepared jdk = InstrumentedJdk.prepare(Path.of("target", "fray").toAbsolutePath(),
                InstrumentedJdk.Artifacts.fromSystemProperties(), System.out);
        Assumptions.assumeTrue(jdk.ready(), () -> "Fray's explorations are inconclusive here: " + jdk.unavailableBecause());

        List<String> jvmArgs = new ArrayList<>(jdk.agentArgs());
        for (String property : List.of("handbook.build", "handbook.root")) {
            jvmArgs.add("-D" + property + "=" + System.getProperty(property, ""));
        }
        List<ChildJvm.Result> runs;
        // A thread per share, not the common pool: on two cores it has one worker, and the shares would run in turn.
        try (ExecutorService launchers = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            List<Future<ChildJvm.Result>> shares = IntStream.range(0, SHARES)
                    .mapToObj(share -> launchers.submit(() -> explore(jdk, jvmArgs, share))).toList();
            runs = new ArrayList<>();
            for (Future<ChildJvm.Result> share : shares) {
                runs.add(share.get());
            }
        }
        System.out.println("Fray's explorations (logs and failing schedules in target/fray/explorations):");
        for (ChildJvm.Result run : runs) {
            System.out.print(run.stdout());
            assertThat(run.facts()).as("the explorations ran to their end: %s", run.describe()).containsKeys("found", "passed");
            assertThat(run.longFact("passed")).as(run.describe()).isPositive().isEqualTo(run.longFact("found"));
            assertThat(run.exitCode()).as(run.describe()).isZero();
        }
    }

    private static ChildJvm.Result explore(InstrumentedJdk.Prepared jdk, List<String> jvmArgs, int share)
            throws InterruptedException {
        return ChildJvm.of(RunExplorations.class).java(jdk.java()).jvmArgs(jvmArgs.toArray(String[]::new))
                .args(String.valueOf(share), String.valueOf(SHARES)).timeout(EXPLORATIONS_LIMIT).collectingFacts().run();
    }
}
