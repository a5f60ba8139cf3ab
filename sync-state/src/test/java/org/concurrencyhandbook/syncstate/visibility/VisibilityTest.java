package org.concurrencyhandbook.syncstate.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.concurrencyhandbook.testkit.Jcstress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario, two stop flags, two proofs. The scenario itself runs in a child JVM — a worker stuck in a hoisted
 * loop can never be stopped, and must not outlive its test — and jcstress's termination mode repeats it with
 * statistics.
 */
@Timeout(300)
class VisibilityTest {

    private static Jcstress.Results stress;

    @BeforeAll
    static void runJcstress() throws InterruptedException {
        stress = Jcstress.run(VisibilityStress.PlainFlag.class, VisibilityStress.VolatileFlag.class);
    }

    static Stream<Fix<String>> wrongFixes() {
        return OtherSpinners.WRONG_FIXES.stream().map(name -> Fix.of(name, name));
    }

    static Stream<Fix<String>> rightFixes() {
        return OtherSpinners.RIGHT_FIXES.stream().map(name -> Fix.of(name, name));
    }

    private static ChildJvm.Result runMain(Class<?> example, String... args) throws InterruptedException {
        return ChildJvm.of(example).args(args).timeout(Duration.ofSeconds(30)).collectingFacts().run();
    }

    @Test
    void aWorkerSpinningOnAPlainFlagNeverSeesStop(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = runMain(BadExample.class);
        Jcstress.Outcomes plain = stress.of(VisibilityStress.PlainFlag.class);

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(bad.fact("stillSpinningIn")).isEqualTo("BadExample.spinUntilStopped");
        assertThat(plain.count("STALE")).as(plain.table()).isPositive();
        Evidence.badShowed(reporter, "worker still spinning 1 s after stop() at attempt %s; jcstress: STALE after %,d TERMINATED",
                bad.fact("attempts"), plain.count("TERMINATED"));
        Evidence.detected(reporter, "jcstress", plain.count("STALE") > 0, "the outcome STALE: the reader never stopped");
    }

    @Test
    void aWorkerSpinningOnAVolatileFlagStopsEveryTime(TestReporter reporter) throws Exception {
        ChildJvm.Result good = runMain(GoodExample.class);
        Jcstress.Outcomes fenced = stress.of(VisibilityStress.VolatileFlag.class);

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(good.longFact("attempts")).isEqualTo(Scenario.ATTEMPTS);
        assertThat(fenced.count("STALE")).as(fenced.table()).isZero();
        assertThat(fenced.count("TERMINATED")).as(fenced.table()).isPositive();
        Evidence.goodHeld(reporter, "every worker stopped, the slowest %,d µs after stop(); jcstress: %,d TERMINATED, 0 STALE",
                good.longFact("slowestStopMicros"), fenced.count("TERMINATED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillSpinsForever(Fix<String> fix, TestReporter reporter) throws Exception {
        ChildJvm.Result run = runMain(OtherSpinners.class, fix.make());

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(run.fact("stillSpinningIn")).endsWith(".spinUntilStopped");
        Evidence.wrongFixCaught(reporter, fix, "still spinning 1 s after stop() at attempt %s", run.fact("attempts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixStopsEveryWorker(Fix<String> fix, TestReporter reporter) throws Exception {
        ChildJvm.Result run = runMain(OtherSpinners.class, fix.make());

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(run.longFact("attempts")).isEqualTo(Scenario.ATTEMPTS);
        Evidence.rightFixHeld(reporter, fix, "every worker stopped, the slowest %,d µs after stop()", run.longFact("slowestStopMicros"));
    }
}
