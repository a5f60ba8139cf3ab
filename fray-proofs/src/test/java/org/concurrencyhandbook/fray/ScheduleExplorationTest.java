package org.concurrencyhandbook.fray;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every pitfall's {@code FrayExplorationTest} on Fray's instrumented JDK, in a JVM of its own, after building that
 * JDK if this is the first run. On a machine where Fray cannot run, the explorations are skipped — inconclusive, with
 * the reason — and the build goes on.
 */
@Timeout(600)
class ScheduleExplorationTest {

    private static final Duration EXPLORATIONS_LIMIT = Duration.ofMinutes(5);

    @Test
    void everyExplorationPassesUnderFraysScheduler() throws Exception {
        InstrumentedJdk.Prepared jdk = InstrumentedJdk.prepare(Path.of("target", "fray").toAbsolutePath(),
                InstrumentedJdk.Artifacts.fromSystemProperties(), System.out);
        Assumptions.assumeTrue(jdk.ready(), () -> "Fray's explorations are inconclusive here: " + jdk.unavailableBecause());

        List<String> jvmArgs = new ArrayList<>(jdk.agentArgs());
        for (String property : List.of("handbook.build", "handbook.root")) {
            jvmArgs.add("-D" + property + "=" + System.getProperty(property, ""));
        }
        ChildJvm.Result run = ChildJvm.of(RunExplorations.class).java(jdk.java()).jvmArgs(jvmArgs.toArray(String[]::new))
                .timeout(EXPLORATIONS_LIMIT).collectingFacts().run();
        System.out.println("Fray's explorations (logs and failing schedules in target/fray/explorations):");
        System.out.print(run.stdout());
        assertThat(run.facts()).as("the explorations ran to their end: %s", run.describe()).containsKeys("found", "passed");
        assertThat(run.longFact("passed")).as(run.describe()).isPositive().isEqualTo(run.longFact("found"));
        assertThat(run.exitCode()).as(run.describe()).isZero();
    }
}
