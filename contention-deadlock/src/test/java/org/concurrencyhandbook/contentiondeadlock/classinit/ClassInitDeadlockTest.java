package org.concurrencyhandbook.contentiondeadlock.classinit;

import static org.assertj.core.api.Assertions.assertThat;

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
 * One scenario for every pair of classes: both first used at once, from two threads, with both initializations under
 * way before either goes on. A thread stuck in class initialization can never be released, so every pair runs in a JVM
 * of its own — the examples in their mains, the others in {@link OtherClassPairs#main} — and hands back what the tools
 * saw as {@link org.concurrencyhandbook.support.Facts}. The bad test pins down the blind spot: if a JDK ever reports
 * this deadlock through ThreadMXBean or jcmd, it goes red and the GUIDE must be updated.
 */
@Timeout(120)
class ClassInitDeadlockTest {

    static Stream<Fix<String>> wrongFixes() {
        return OtherClassPairs.WRONG_FIXES.stream().map(name -> Fix.of(name, name));
    }

    static Stream<Fix<String>> rightFixes() {
        return OtherClassPairs.RIGHT_FIXES.stream().map(name -> Fix.of(name, name));
    }

    @Test
    void initializersThatNeedEachOtherDeadlockUnseenByThreadMxBeanAndJcmd(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = ChildJvm.of(BadExample.class).collectingFacts().run();

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        assertStuckInEachOthersInitializer(bad);
        Evidence.badShowed(reporter, "stuck in <clinit>: ThreadMXBean found no deadlock; Thread.getState(): %s; jcmd: no deadlock,"
                + " only \"waiting on the Class initialization monitor for\" %s", bad.fact("states"),
                bad.fact("threadPrint.waitingForInitializationOf"));
        Evidence.detected(reporter, "ThreadMXBean", Boolean.parseBoolean(bad.fact("threadMxBean.deadlockFound")),
                "the threads are RUNNABLE and hold no monitor it knows of");
        Evidence.detected(reporter, "jcmd Thread.print", Boolean.parseBoolean(bad.fact("threadPrint.deadlockFound")),
                "no deadlock report; each thread \"waiting on the Class initialization monitor for\" %s",
                bad.fact("threadPrint.waitingForInitializationOf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillDeadlocksInTheInitializers(Fix<String> fix, TestReporter reporter) throws Exception {
        ChildJvm.Result run = ChildJvm.of(OtherClassPairs.class).args(fix.make()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.FAILURE_SHOWN);
        assertStuckInEachOthersInitializer(run);
        Evidence.wrongFixCaught(reporter, fix, "stuck, each thread waiting for the initialization of %s",
                run.fact("threadPrint.waitingForInitializationOf"));
    }

    @Test
    void initializersWithoutACycleCompleteFromTwoThreadsAtOnce(TestReporter reporter) throws Exception {
        ChildJvm.Result good = ChildJvm.of(GoodExample.class).collectingFacts().run();

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertInitializedFromTwoThreads(good);
        Evidence.goodHeld(reporter, "both classes initialized from two threads at once, in %s ms", good.fact("afterMillis"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixInitializesFromTwoThreadsAtOnce(Fix<String> fix, TestReporter reporter) throws Exception {
        ChildJvm.Result run = ChildJvm.of(OtherClassPairs.class).args(fix.make()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.INVARIANT_HELD);
        assertInitializedFromTwoThreads(run);
        Evidence.rightFixHeld(reporter, fix, "both classes initialized from two threads at once, in %s ms", run.fact("afterMillis"));
    }

    /** Both threads RUNNABLE, no deadlock for either tool, and jcmd's lines naming each class the other initializes. */
    private static void assertStuckInEachOthersInitializer(ChildJvm.Result run) {
        assertThat(run.fact("ended")).as(run.describe()).isEqualTo("STUCK");
        assertThat(run.fact("threadMxBean.deadlockFound")).as("ThreadMXBean found the deadlock").isEqualTo("false");
        assertThat(run.fact("states")).isEqualTo("\"first use of Currencies\" RUNNABLE, \"first use of ExchangeRates\" RUNNABLE");
        assertThat(run.fact("threadPrint.deadlockFound")).as("jcmd Thread.print reported a deadlock").isEqualTo("false");
        assertThat(run.fact("threadPrint.waitingForInitializationOf")).as("the class each thread waits to see initialized")
                .matches("\\S+\\$ExchangeRates, \\S+\\$Currencies");
    }

    private static void assertInitializedFromTwoThreads(ChildJvm.Result run) {
        assertThat(run.fact("ended")).as(run.describe()).isEqualTo("FINISHED");
        assertThat(run.longFact("quoted")).isEqualTo(4);
        assertThat(run.longFact("rates")).isEqualTo(4);
    }

    /**
     * JFR as a reader would switch it on in production ({@code -XX:StartFlightRecording}, default settings), on the
     * bad and the good main: see {@link FlightRecording}.
     */
    @Test
    void jfrRecordsNoEventOfTheStuckThreads(TestReporter reporter) throws Exception {
        FlightRecording bad = FlightRecording.of(BadExample.class, Verdict.FAILURE_SHOWN);

        assertThat(bad.showsAStall()).as(bad.describe()).isFalse();
        assertThat(bad.waits()).as(bad.describe()).noneMatch(wait -> wait.thread().startsWith("first use of"));
        Evidence.detected(reporter, "JFR", false, "no event of the stuck threads: a wait for another thread's class"
                + " initialization is a monitor wait on the class's init lock, committed only when it ends, and these"
                + " never do; its thread dump reports no deadlock");
    }
}
