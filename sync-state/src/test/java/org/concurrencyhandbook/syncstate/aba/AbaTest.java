package org.concurrencyhandbook.syncstate.aba;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Fix;
import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One forced schedule, two stacks: a worker stops just before its CAS having read "top A, next B", while another
 * thread pops A, pops B and pushes X into a recycled node. Then every pushed item is accounted for.
 */
@Timeout(60)
class AbaTest {

    static Stream<Fix<Function<WorkStack.BeforeSwap, WorkStack>>> wrongFixes() {
        return Stream.of(Fix.of("volatile node fields", OtherStacks.VolatileNodes::new),
                Fix.of("synchronized push() only", OtherStacks.SynchronizedPushOnly::new));
    }

    static Stream<Fix<Function<WorkStack.BeforeSwap, WorkStack>>> rightFixes() {
        return Stream.of(Fix.of("no node pool: a new node per push", OtherStacks.NoNodePool::new),
                Fix.of("synchronized push() and pop()", OtherStacks.SynchronizedStack::new));
    }

    @Test
    void anIdentityCasOnRecycledNodesResurrectsAPoppedItemAndLosesAPushedOne(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.left()).as("left on the stack").containsExactly("B", "C");
        assertThat(outcome.duplicated()).as("handed out twice, or popped and still stacked").containsExactly("A", "B");
        assertThat(outcome.lost()).containsExactly("X");
        Evidence.badShowed(reporter, "popped %s, left %s: %s duplicated, %s lost", outcome.popped(), outcome.left(),
                outcome.duplicated(), outcome.lost());
    }

    @Test
    void aStampedCasFailsOnTheRecycledNodeAndTheRetryPopsTheRealTop(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.popped()).containsExactly("A", "B", "X");
        assertThat(outcome.left()).isEqualTo(List.of("C"));
        Evidence.goodHeld(reporter, "popped %s, left %s: every item accounted for once", outcome.popped(), outcome.left());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixIsStillFooledByTheRecycledNode(Fix<Function<WorkStack.BeforeSwap, WorkStack>> fix,
                                                        TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.FAILURE_SHOWN);
        Evidence.wrongFixCaught(reporter, fix, "%s duplicated, %s lost", outcome.duplicated(), outcome.lost());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixAccountsForEveryItem(Fix<Function<WorkStack.BeforeSwap, WorkStack>> fix, TestReporter reporter)
            throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "popped %s, left %s", outcome.popped(), outcome.left());
    }
}
