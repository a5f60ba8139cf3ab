package org.concurrencyhandbook.syncstate.storebuffering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.syncstate.storebuffering.Scenario.BOTH_ENTERED;

import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Conclusive;
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
 * One jcstress run, both variants: the plain flags must have been seen letting both threads in, the volatile flags
 * never, over hundreds of thousands of samples at least.
 */
@Timeout(300)
class StoreBufferingTest {

    /** The plain flags show "0, 0" in about half their samples; none in a hundred thousand is no accident. */
    private static final long SAMPLES_FLOOR = 100_000;

    private static Jcstress.Results results;

    @BeforeAll
    static void runJcstress() throws InterruptedException {
        results = Jcstress.run(StoreBufferingStress.PlainFields.class, StoreBufferingStress.VolatileFields.class,
                StoreBufferingStress.ReleaseAcquire.class, StoreBufferingStress.OneVolatileFlag.class,
                StoreBufferingStress.AtomicFlags.class, StoreBufferingStress.FullFence.class);
    }

    @Test
    void plainFlagsLetBothThreadsSeeTheOtherFlagDown(TestReporter reporter) {
        Jcstress.Outcomes plain = results.of(StoreBufferingStress.PlainFields.class);

        assertThat(plain.count(BOTH_ENTERED)).as(plain.table()).isPositive();
        Evidence.badShowed(reporter, "r1=0, r2=0 seen %,d times in %,d samples", plain.count(BOTH_ENTERED), plain.samples());
        Evidence.detected(reporter, "jcstress", plain.count(BOTH_ENTERED) > 0, "the outcome 0, 0 (both entered)");
    }

    @Test
    void volatileFlagsNeverDo(TestReporter reporter) {
        Jcstress.Outcomes fenced = results.of(StoreBufferingStress.VolatileFields.class);

        assertThat(fenced.samples()).as("samples").isGreaterThan(SAMPLES_FLOOR);
        assertThat(fenced.count(BOTH_ENTERED)).as(fenced.table()).isZero();
        Evidence.goodHeld(reporter, "r1=0, r2=0 never seen in %,d samples", fenced.samples());
    }

    static Stream<Fix<Class<?>>> wrongFixes() {
        return Stream.of(Fix.of("setRelease/getAcquire", StoreBufferingStress.ReleaseAcquire.class),
                Fix.of("one of the two flags volatile", StoreBufferingStress.OneVolatileFlag.class));
    }

    static Stream<Fix<Class<?>>> rightFixes() {
        return Stream.of(Fix.of("AtomicInteger get/set", StoreBufferingStress.AtomicFlags.class),
                Fix.of("VarHandle.fullFence() between store and load", StoreBufferingStress.FullFence.class));
    }

    /**
     * Store buffering is a hardware effect no seam can force, so a wrong fix is caught when jcstress saw "0, 0"; a
     * run that never did is inconclusive, with its sample count — never a pass.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillLetsBothThreadsIn(Fix<Class<?>> fix, TestReporter reporter) {
        Jcstress.Outcomes raced = results.of(fix.make());

        Conclusive.orSkip(raced.count(BOTH_ENTERED) > 0 ? Verdict.FAILURE_SHOWN : Verdict.INCONCLUSIVE, () -> String.format(
                "%s: \"0, 0\" not seen in %,d jcstress samples", fix, raced.samples()));
        Evidence.wrongFixCaught(reporter, fix, "r1=0, r2=0 seen %,d times in %,d samples", raced.count(BOTH_ENTERED),
                raced.samples());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixNeverLetsBothIn(Fix<Class<?>> fix, TestReporter reporter) {
        Jcstress.Outcomes raced = results.of(fix.make());

        assertThat(raced.samples()).as("samples").isGreaterThan(SAMPLES_FLOOR);
        assertThat(raced.count(BOTH_ENTERED)).as(raced.table()).isZero();
        Evidence.rightFixHeld(reporter, fix, "r1=0, r2=0 never seen in %,d samples", raced.samples());
    }
}
