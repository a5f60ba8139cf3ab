package org.concurrencyhandbook.contentiondeadlock.virtualthreads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.concurrencyhandbook.testkit.FlightRecording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 2.1's scenario on virtual threads, run in the mains, each in a child JVM that hands back what every tool saw as
 * {@link org.concurrencyhandbook.support.Facts}. The bad test pins the blind spot down on the JDK the build runs: a JDK
 * whose ThreadMXBean or jcmd Thread.print reports this deadlock turns it red, and the GUIDE must then be updated.
 */
@Timeout(120)
class VirtualThreadDeadlockTest {

    static Stream<Fix<Function<Bank.FirstLockHeld, Bank>>> wrongFixes() {
        return OtherVirtualBanks.WRONG_FIXES.stream();
    }

    static Stream<Fix<Function<Bank.FirstLockHeld, Bank>>> rightFixes() {
        return OtherVirtualBanks.RIGHT_FIXES.stream();
    }

    private static final String FIRST = "transfer 1->2";
    private static final String SECOND = "transfer 2->1";

    @Test
    void aDeadlockOfVirtualThreadsIsSeenOnlyByAProgressCheckAndTheJsonThreadDump(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = ChildJvm.of(BadExample.class).collectingFacts().run();

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(bad.fact("ended")).isEqualTo("NO_PROGRESS");
        assertThat(bad.fact("states")).isEqualTo("\"" + FIRST + "\" BLOCKED, \"" + SECOND + "\" BLOCKED");
        assertThat(bad.fact("threadMxBean.deadlockFound")).as("ThreadMXBean found the deadlock").isEqualTo("false");
        assertThat(bad.fact("threadPrint.deadlockFound")).as("jcmd Thread.print reported a deadlock").isEqualTo("false");
        assertThat(bad.fact("threadPrint.listsTheVirtualThreads")).as("jcmd Thread.print lists them").isEqualTo("false");
        for (String thread : new String[] {FIRST, SECOND}) {
            assertThat(bad.fact("jsonDump." + thread + ".state")).as(thread).isEqualTo("BLOCKED");
        }
        assertThat(bad.fact("jsonDump." + FIRST + ".blockedOn")).as("what %s waits for is what %s owns", FIRST, SECOND)
                .contains("Account@").isEqualTo(bad.fact("jsonDump." + SECOND + ".owns"));
        assertThat(bad.fact("jsonDump." + SECOND + ".blockedOn")).as("what %s waits for is what %s owns", SECOND, FIRST)
                .contains("Account@").isEqualTo(bad.fact("jsonDump." + FIRST + ".owns"));
        Evidence.badShowed(reporter, "no transfer for a second after %s ms; ThreadMXBean: no deadlock; jcmd Thread.print: none;"
                + " the JSON dump: \"%s\" waits for %s, which \"%s\" owns, and it waits for %s, which \"%s\" owns",
                bad.fact("afterMillis"), FIRST,
                simpleName(bad.fact("jsonDump." + FIRST + ".blockedOn")), SECOND,
                simpleName(bad.fact("jsonDump." + SECOND + ".blockedOn")), FIRST);
        Evidence.detected(reporter, "ThreadMXBean", Boolean.parseBoolean(bad.fact("threadMxBean.deadlockFound")),
                "cycles that include virtual threads are not found");
        Evidence.detected(reporter, "jcmd Thread.print", Boolean.parseBoolean(bad.fact("threadPrint.deadlockFound")),
                "it lists platform threads only");
        Evidence.detected(reporter, "jcmd Thread.dump_to_file -format=json",
                bad.fact("jsonDump." + FIRST + ".blockedOn").equals(bad.fact("jsonDump." + SECOND + ".owns")),
                "each virtual thread blocked on the monitor the other owns; the cycle is left to the reader");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillStallsUnseenByThreadMxBean(Fix<Function<Bank.FirstLockHeld, Bank>> fix, TestReporter reporter)
            throws Exception {
        ChildJvm.Result run = ChildJvm.of(OtherVirtualBanks.class).args(fix.name()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(run.fact("ended")).isEqualTo("NO_PROGRESS");
        assertThat(run.fact("threadMxBean.deadlockFound")).as("ThreadMXBean found the deadlock").isEqualTo("false");
        Evidence.wrongFixCaught(reporter, fix, "%s; ThreadMXBean: no deadlock; Thread.getState(): %s", run.fact("ended"),
                run.fact("states"));
    }

    @Test
    void theLockOrderCompletesOnVirtualThreadsAndTheProgressWatchdogStaysQuiet(TestReporter reporter) throws Exception {
        ChildJvm.Result good = ChildJvm.of(GoodExample.class).collectingFacts().run();

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(good.fact("ended")).isEqualTo("FINISHED");
        assertThat(good.longFact("total")).isEqualTo(20_000);
        Evidence.goodHeld(reporter, "all 2,000 transfers on virtual threads in %s ms, 20,000 € conserved; the progress"
                + " watchdog never fired", good.fact("afterMillis"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixCompletesOnVirtualThreads(Fix<Function<Bank.FirstLockHeld, Bank>> fix, TestReporter reporter)
            throws Exception {
        ChildJvm.Result run = ChildJvm.of(OtherVirtualBanks.class).args(fix.name()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(run.longFact("total")).isEqualTo(20_000);
        Evidence.rightFixHeld(reporter, fix, "all 2,000 transfers on virtual threads in %s ms, 20,000 € conserved",
                run.fact("afterMillis"));
    }

    private static String simpleName(String monitor) {
        return monitor.substring(monitor.lastIndexOf('.') + 1);
    }

    /**
     * JFR as a reader would switch it on in production ({@code -XX:StartFlightRecording}, default settings), on the
     * bad and the good main: see {@link FlightRecording}.
     */
    @Test
    void jfrRecordsNoEventOfTheStuckThreads(TestReporter reporter) throws Exception {
        FlightRecording bad = FlightRecording.of(BadExample.class, Verdict.FAILURE_SHOWN);

        assertThat(bad.showsAStall()).as(bad.describe()).isFalse();
        assertThat(bad.waits()).as(bad.describe()).noneMatch(FlightRecording.Wait::virtualThread);
        Evidence.detected(reporter, "JFR", false, "no event of the stuck virtual threads, whose waits never end; its"
                + " thread dump shows only virtual threads mounted on a carrier, and these are not");
    }
}
