package org.concurrencyhandbook.syncstate.aba;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One forced schedule, two stacks: a worker stops just before its CAS having read "top A, next B", while another
 * thread pops A, pops B and pushes X into a recycled node. Then every pushed item is accounted for.
 */
@Timeout(60)
class AbaTest {

    @Test
    void anIdentityCasOnRecycledNodesResurrectsAPoppedItemAndLosesAPushedOne(TestReporter reporter) throws Exception {
        Interleaving.Outcome outcome = Interleaving.run(BadExample::new);

        assertThat(outcome.left()).as("left on the stack").containsExactly("B", "C");
        assertThat(outcome.duplicated()).as("handed out twice, or popped and still stacked").containsExactly("A", "B");
        assertThat(outcome.lost()).containsExactly("X");
        Evidence.badShowed(reporter, "popped %s, left %s: %s duplicated, %s lost", outcome.popped(), outcome.left(),
                outcome.duplicated(), outcome.lost());
    }

    @Test
    void aStampedCasFailsOnTheRecycledNodeAndTheRetryPopsTheRealTop(TestReporter reporter) throws Exception {
        Interleaving.Outcome outcome = Interleaving.run(GoodExample::new);

        assertThat(outcome.corrupted()).isFalse();
        assertThat(outcome.popped()).containsExactly("A", "B", "X");
        assertThat(outcome.left()).isEqualTo(List.of("C"));
        Evidence.goodHeld(reporter, "popped %s, left %s: every item accounted for once", outcome.popped(), outcome.left());
    }
}
