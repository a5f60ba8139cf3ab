package org.concurrencyhandbook.syncstate.storebuffering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.syncstate.storebuffering.Encounters.BOTH_ENTERED;

import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Jcstress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One jcstress run, both variants: the plain flags must have been seen letting both threads in, the volatile flags
 * never, over hundreds of thousands of samples at least.
 */
@Timeout(300)
class StoreBufferingTest {

    private static Jcstress.Results results;

    @BeforeAll
    static void runJcstress() throws InterruptedException {
        results = Jcstress.run(StoreBufferingStress.PlainFields.class, StoreBufferingStress.VolatileFields.class);
    }

    @Test
    void plainFlagsLetBothThreadsSeeTheOtherFlagDown(TestReporter reporter) {
        Jcstress.Outcomes plain = results.of(StoreBufferingStress.PlainFields.class);

        assertThat(plain.count(BOTH_ENTERED)).as(plain.table()).isPositive();
        Evidence.badShowed(reporter, "r1=0, r2=0 seen %,d times in %,d samples", plain.count(BOTH_ENTERED), plain.samples());
    }

    @Test
    void volatileFlagsNeverDo(TestReporter reporter) {
        Jcstress.Outcomes fenced = results.of(StoreBufferingStress.VolatileFields.class);

        // The plain flags show "0, 0" in about half their samples; none in a hundred thousand is no accident.
        assertThat(fenced.samples()).as("samples").isGreaterThan(100_000);
        assertThat(fenced.count(BOTH_ENTERED)).as(fenced.table()).isZero();
        Evidence.goodHeld(reporter, "r1=0, r2=0 never seen in %,d samples", fenced.samples());
    }
}
