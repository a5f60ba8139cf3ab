package org.concurrencyhandbook.syncstate.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.concurrencyhandbook.support.ChildJvm;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Jcstress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

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

    private static ChildJvm.Result runMain(Class<?> example) throws InterruptedException {
        return ChildJvm.of(example).timeout(Duration.ofSeconds(30)).run();
    }

    @Test
    void aWorkerSpinningOnAPlainFlagNeverSeesStop(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = runMain(BadExample.class);
        Jcstress.Outcomes plain = stress.of(VisibilityStress.PlainFlag.class);

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(bad.stdout()).contains("STILL SPINNING 1000 ms after stop()").contains("BadExample.spinUntilStopped");
        assertThat(plain.count("STALE")).as(plain.table()).isPositive();
        Evidence.badShowed(reporter, "worker still spinning 1 s after stop(); jcstress: STALE after %,d TERMINATED",
                plain.count("TERMINATED"));
    }

    @Test
    void aWorkerSpinningOnAVolatileFlagStopsEveryTime(TestReporter reporter) throws Exception {
        ChildJvm.Result good = runMain(GoodExample.class);
        Jcstress.Outcomes fenced = stress.of(VisibilityStress.VolatileFlag.class);

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        assertThat(good.stdout()).contains("in all 3 attempts");
        assertThat(fenced.count("STALE")).as(fenced.table()).isZero();
        assertThat(fenced.count("TERMINATED")).as(fenced.table()).isPositive();
        Evidence.goodHeld(reporter, "every worker stopped within 1 s; jcstress: %,d TERMINATED, 0 STALE", fenced.count("TERMINATED"));
    }
}
