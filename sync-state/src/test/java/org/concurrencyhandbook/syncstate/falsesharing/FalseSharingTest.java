package org.concurrencyhandbook.syncstate.falsesharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.syncstate.falsesharing.Scenario.SLOWED_DOWN;

import java.util.stream.Stream;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Conclusive;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One measurement for every layout: CPU time per increment for one worker alone and for two workers at once, each on
 * its own slot; the verdict is the ratio. Each layout is measured in a JVM of its own — the examples in their mains,
 * the others in {@link OtherSlots#main} — and hands back the figures as {@link org.concurrencyhandbook.support.Facts}.
 * When the machine never lets the two workers run at the same time, or the ratio falls between a clear slowdown and
 * none, nothing can be concluded, and the test is reported as skipped with that reason — never as passed.
 */
@Timeout(120)
class FalseSharingTest {

    static Stream<Fix<String>> wrongFixes() {
        return Stream.of(OtherSlots.PADDED_ONE_LINE_FROM_THE_START).map(name -> Fix.of(name, name));
    }

    private static ChildJvm.Result measured(Class<?> main, String... args) throws InterruptedException {
        ChildJvm.Result run = ChildJvm.of(main).args(args).collectingFacts().run();
        assertThat(run.verdict()).as(run.describe()).isPresent();
        Conclusive.orSkip(run.verdict().orElseThrow(), () -> run.fact("inconclusive"));
        return run;
    }

    private static double slowdown(ChildJvm.Result run) {
        return Double.parseDouble(run.fact("slowdown"));
    }

    @Test
    void workersOnAdjacentSlotsRunSeveralTimesSlowerTogetherThanAlone(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = measured(BadExample.class);

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(slowdown(bad)).isGreaterThanOrEqualTo(SLOWED_DOWN);
        Evidence.badShowed(reporter, "together %.1f× slower per increment than alone (%.1f vs %.1f ns)", slowdown(bad),
                Double.parseDouble(bad.fact("togetherNanos")), Double.parseDouble(bad.fact("aloneNanos")));
    }

    @Test
    void workersOnSlots128BytesApartRunAboutAsFastTogetherAsAlone(TestReporter reporter) throws Exception {
        ChildJvm.Result good = measured(GoodExample.class);

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "together %.1f× the cost per increment of alone (%.1f vs %.1f ns)", slowdown(good),
                Double.parseDouble(good.fact("togetherNanos")), Double.parseDouble(good.fact("aloneNanos")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillSlowsTheWorkersDown(Fix<String> fix, TestReporter reporter) throws Exception {
        ChildJvm.Result run = measured(OtherSlots.class, fix.make());

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.FAILURE_SHOWN);
        Evidence.wrongFixCaught(reporter, fix, "together %.1f× slower per increment than alone", slowdown(run));
    }
}
