package org.concurrencyhandbook.syncstate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Jcstress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two holders, two proofs: a forced first use (a reader asks while the loader is reading the second
 * setting), 100 times; and jcstress racing two callers on fresh holders with no seam at all.
 */
@Timeout(300)
class PublicationTest {

    private static Jcstress.Results stress;

    @BeforeAll
    static void runJcstress() throws InterruptedException {
        stress = Jcstress.run(PublicationStress.PublishThenFill.class, PublicationStress.FillThenPublishVolatile.class);
    }

    @Test
    void publishingBeforeFillingHandsTheFastPathAHalfBuiltConfiguration(TestReporter reporter) throws Exception {
        FirstUse.Outcome outcome = FirstUse.run(BadExample::new);
        Jcstress.Outcomes raced = stress.of(PublicationStress.PublishThenFill.class);
        long halfBuilt = raced.samples() - raced.count("true, true");

        assertThat(outcome.halfBuilt()).as("forced first uses that saw a half-built configuration").isEqualTo(FirstUse.RUNS);
        assertThat(outcome.example()).isEqualTo("port=8080, threads=0, timeoutMillis=0");
        assertThat(halfBuilt).as(raced.table()).isPositive();
        Evidence.badShowed(reporter, "%d of %d forced readers saw \"%s\"; jcstress: half built %,d times in %,d samples",
                outcome.halfBuilt(), outcome.runs(), outcome.example(), halfBuilt, raced.samples());
    }

    @Test
    void fillingThenPublishingThroughAVolatileFieldHandsOutOnlyCompleteConfigurations(TestReporter reporter) throws Exception {
        FirstUse.Outcome outcome = FirstUse.run(GoodExample::new);
        Jcstress.Outcomes raced = stress.of(PublicationStress.FillThenPublishVolatile.class);

        assertThat(outcome.halfBuilt()).isZero();
        assertThat(raced.samples()).isGreaterThan(100_000);
        assertThat(raced.count("true, true")).as(raced.table()).isEqualTo(raced.samples());
        Evidence.goodHeld(reporter, "all %d forced readers complete; jcstress: complete in all %,d samples",
                outcome.runs(), raced.samples());
    }
}
