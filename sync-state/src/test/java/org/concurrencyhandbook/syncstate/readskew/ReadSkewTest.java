package org.concurrencyhandbook.syncstate.readskew;

import static org.assertj.core.api.Assertions.assertThat;

import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two bands: a writer moves the band up 1,000 times and, in the middle of every move, a reader reads it
 * and checks {@code floor <= ceiling}.
 */
@Timeout(60)
class ReadSkewTest {

    @Test
    void aBandWrittenFieldByFieldIsSeenHalfMovedOnEveryUpdate(TestReporter reporter) throws Exception {
        Readers.Outcome outcome = Readers.run(BadExample::new);

        assertThat(outcome.broken()).as("reads with floor > ceiling").isEqualTo(Readers.UPDATES);
        Evidence.badShowed(reporter, "%,d of %,d reads saw floor > ceiling, e.g. %s",
                outcome.broken(), outcome.reads(), outcome.firstBroken());
    }

    @Test
    void aBandSwappedAsOneImmutableSnapshotIsNeverSeenBroken(TestReporter reporter) throws Exception {
        Readers.Outcome outcome = Readers.run(GoodExample::new);

        assertThat(outcome.reads()).isEqualTo(Readers.UPDATES);
        assertThat(outcome.broken()).as("reads with floor > ceiling").isZero();
        Evidence.goodHeld(reporter, "all %,d reads mid-update saw floor <= ceiling", outcome.reads());
    }
}
