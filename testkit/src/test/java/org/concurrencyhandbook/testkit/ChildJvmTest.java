package org.concurrencyhandbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.concurrencyhandbook.support.StallDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ChildJvmTest {

    @Test
    void capturesBothStreamsAndTheExitStatus() throws Exception {
        ChildJvm.Result result = ChildJvm.of(ChildMains.ExitsWith.class).args("3").run();

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout()).isEqualTo("to stdout\n");
        assertThat(result.stderr()).isEqualTo("to stderr\n");
    }

    @Test
    void findsALineOfStdoutByItsStartAndNamesTheRunWhenThereIsNone() {
        ChildJvm.Result result = new ChildJvm.Result("Demo", 1, false, Duration.ofMillis(5), "first\nSTALL after 5 ms\nSTALL again\n", "", Map.of());

        assertThat(result.lineStartingWith("STALL")).isEqualTo("STALL after 5 ms");
        assertThatThrownBy(() -> result.lineStartingWith("All ")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no line starting with \"All \"").hasMessageContaining("Demo exited with status 1");
    }

    @Test
    void handsBackTheFactsTheChildRecordedEvenIfItCrashedAfterwards() throws Exception {
        ChildJvm.Result result = ChildJvm.of(ChildMains.RecordsFactsThenCrashes.class).collectingFacts().run();

        assertThat(result.verdict()).as("a crash is no verdict").isEmpty();
        assertThat(result.facts()).containsExactly(entry("cycle", "\"a\" -> \"b\" = bad"), entry("rounds", "3"));
        assertThat(result.longFact("rounds")).isEqualTo(3);
        assertThatThrownBy(() -> result.fact("missing")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no fact \"missing\"");
    }

    @Test
    void aChildRunWithoutAskingForFactsHandsBackNone() throws Exception {
        assertThat(ChildJvm.of(ChildMains.RecordsFactsThenCrashes.class).run().facts()).isEmpty();
    }

    @Test
    void aChildThatNeverExitsIsKilledAtTheLimitWithItsDescendants() throws Exception {
        ChildJvm.Result result = ChildJvm.of(ChildMains.NeverExits.class).timeout(Duration.ofSeconds(3)).run();

        assertThat(result.timedOut()).as(result.describe()).isTrue();
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(10));
        long grandchild = Long.parseLong(result.stdout().strip().replace("grandchild ", ""));
        Optional<ProcessHandle> handle = ProcessHandle.of(grandchild);
        if (handle.isPresent()) {
            handle.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive)).as("grandchild %d", grandchild)
                .isIn(Optional.empty(), Optional.of(false));
    }

    @Test
    void anInterruptedCallerStillDestroysTheChild() throws Exception {
        long before = liveChildren();
        ChildJvm child = ChildJvm.of(ChildMains.Sleeps.class).timeout(Duration.ofMinutes(5));
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                child.run();
            } catch (InterruptedException expected) {
                // what JUnit does to a test that runs past its @Timeout
            }
        });
        awaitLiveChildren(before + 1);
        caller.interrupt();
        caller.join(10_000);
        awaitLiveChildren(before);

        assertThat(caller.isAlive()).isFalse();
        assertThat(liveChildren()).isEqualTo(before);
    }

    @Test
    void aMonitorDeadlockIsDiagnosedAndTheDemoEndsByItself() throws Exception {
        ChildJvm.Result demo = ChildJvm.of(ChildMains.MonitorDeadlock.class).timeout(Duration.ofSeconds(20))
                .jvmArgs("-D" + StallDetector.THREAD_DUMP_PROPERTY + "=true").run();

        assertThat(demo.exitCode()).as(demo.describe()).isEqualTo(1);
        assertThat(demo.stdout())
                .startsWith("DEADLOCK")
                .contains("\"first\" holds left and waits to lock right, held by \"second\"")
                .contains("-  waiting to lock right")
                .contains("-  locked left")
                .doesNotContain(StallDetector.howToAskForStacks())
                .doesNotContain("got both");
    }

    private static long liveChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
    }

    private static void awaitLiveChildren(long count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> liveChildren() == count);
    }
}
