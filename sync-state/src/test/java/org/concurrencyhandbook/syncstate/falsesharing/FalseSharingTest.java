package org.concurrencyhandbook.syncstate.falsesharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.syncstate.falsesharing.Contention.SLOWED_DOWN;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One measurement, two layouts: CPU time per increment for one worker alone and for two workers at once, each on its
 * own slot. The verdict is the ratio. When the machine never lets the two workers run at the same time, nothing can be
 * concluded, and the test is reported as skipped with that reason — never as passed.
 */
@Timeout(120)
class FalseSharingTest {

    @Test
    void workersOnAdjacentSlotsRunSeveralTimesSlowerTogetherThanAlone(TestReporter reporter) throws Exception {
        Optional<Contention.Measurement> measured = Contention.measure(BadExample::new);
        assumeTrue(measured.isPresent(), "inconclusive on this machine: " + Contention.NEVER_OVERLAPPED);
        Contention.Measurement m = measured.get();

        assertThat(m.verdict()).as("together / alone, %s", m).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(m.slowdown()).isGreaterThanOrEqualTo(SLOWED_DOWN);
        Evidence.badShowed(reporter, "together %.1f× slower per increment than alone (%.1f vs %.1f ns)",
                m.slowdown(), m.togetherNanos(), m.aloneNanos());
    }

    @Test
    void workersOnSlots128BytesApartRunAboutAsFastTogetherAsAlone(TestReporter reporter) throws Exception {
        Optional<Contention.Measurement> measured = Contention.measure(GoodExample::new);
        assumeTrue(measured.isPresent(), "inconclusive on this machine: " + Contention.NEVER_OVERLAPPED);
        Contention.Measurement m = measured.get();

        assertThat(m.verdict()).as("together / alone, %s", m).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "together %.1f× the cost per increment of alone (%.1f vs %.1f ns)",
                m.slowdown(), m.togetherNanos(), m.aloneNanos());
    }
}
