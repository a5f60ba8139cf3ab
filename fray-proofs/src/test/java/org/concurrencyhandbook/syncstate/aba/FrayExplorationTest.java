package org.concurrencyhandbook.syncstate.aba;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 1.11 under Fray, with no hint: a stack holds A, B, C; a worker pops one item while another thread pops two and
 * pushes X. Every item pushed must be popped or still on the stack, once.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "1.11";
    /**
     * The interleaving needs the worker stopped just before its compare-and-set while the other thread runs three whole
     * operations: rarer than the others'. The good example and the fixes must survive as many schedules.
     */
    private static final int SCHEDULES = 3_000;

    static Stream<Fix<Function<WorkStack.BeforeSwap, WorkStack>>> wrongFixes() {
        return AbaTest.wrongFixes();
    }

    static Stream<Fix<Function<WorkStack.BeforeSwap, WorkStack>>> rightFixes() {
        return AbaTest.rightFixes();
    }

    private static Runnable popWhileOthersPopAndPush(Function<WorkStack.BeforeSwap, WorkStack> stackOn) {
        return () -> {
            WorkStack stack = stackOn.apply(() -> { });
            stack.push("C");
            stack.push("B");
            stack.push("A");
            List<String> popped = new CopyOnWriteArrayList<>();
            Actors.runTogether(() -> popped.add(stack.pop()), () -> {
                popped.add(stack.pop());
                popped.add(stack.pop());
                stack.push("X");
            });
            List<String> accounted = new ArrayList<>(popped);
            accounted.addAll(stack.contents());
            accounted.sort(null);
            if (!accounted.equals(List.of("A", "B", "C", "X"))) {
                throw new AssertionError("popped " + popped + ", left " + stack.contents());
            }
        };
    }

    @Test
    void frayFindsTheCorruptedStack(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, SCHEDULES, popWhileOthersPopAndPush(BadExample::new), "a reused node's"
                + " compare-and-set succeeding on a changed stack, with no hint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Function<WorkStack.BeforeSwap, WorkStack>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, SCHEDULES, fix, popWhileOthersPopAndPush(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, SCHEDULES, popWhileOthersPopAndPush(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Function<WorkStack.BeforeSwap, WorkStack>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, SCHEDULES, fix, popWhileOthersPopAndPush(fix.make()));
    }
}
