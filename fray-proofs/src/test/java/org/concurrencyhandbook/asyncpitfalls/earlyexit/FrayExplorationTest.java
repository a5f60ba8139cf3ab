package org.concurrencyhandbook.asyncpitfalls.earlyexit;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 4.5 under Fray, with no hint: a batch of three items processed on the common pool; when {@code processAll} returns —
 * where a {@code main} would return and the JVM exit — every result must be there. How far the pool's workers got by
 * then is Fray's choice.
 *
 * <p>The GoodExample and the wrong fix that use virtual threads are not explored: Fray 0.9.2 does not run virtual
 * threads (2.10's exploration proves it).
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "4.5";
    private static final List<String> ITEMS = List.of("invoice-1", "invoice-2", "invoice-3");

    static Stream<Fix<Supplier<Batch>>> wrongFixes() {
        return Stream.of(OtherBatches.SLEEP_BEFORE_RETURNING);
    }

    static Stream<Fix<Supplier<Batch>>> rightFixes() {
        return OtherBatches.RIGHT_FIXES.stream();
    }

    private static Runnable processThenReturn(Supplier<Batch> batches) {
        return () -> {
            Queue<String> results = new ConcurrentLinkedQueue<>();
            batches.get().processAll(ITEMS, item -> item + " sent", results::add);
            if (results.size() != ITEMS.size()) {
                throw new AssertionError("returned with " + results.size() + " of " + ITEMS.size() + " results: " + results);
            }
        };
    }

    @Test
    void frayFindsTheBatchReturningEarly(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, processThenReturn(BadExample::new), "the batch returned before its"
                + " work on the common pool was done, with no hint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Supplier<Batch>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, processThenReturn(fix.make()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Supplier<Batch>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, processThenReturn(fix.make()));
    }
}
