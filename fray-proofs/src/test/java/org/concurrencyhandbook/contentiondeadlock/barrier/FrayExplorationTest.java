package org.concurrencyhandbook.contentiondeadlock.barrier;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
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
 * 2.9 under Fray, with no hint: three workers process their shards and meet before merging; shard 2's input is
 * corrupt. Every worker must return, and shard 2's failure must be reported. The bad job fails in every schedule — it is
 * not a race, and Fray says so by finding it in the first — but Fray's verdict is the one no clock gives: every thread
 * blocked, with its stack.
 *
 * <p>The wrong fix that leaves the {@code Phaser} only in {@code catch (Exception)} is not explored: its ten-second
 * wait loops on the clock, and under Fray such a loop spins to the step bound rather than timing out (observed), which
 * would be Fray's artefact, not the fix's failure.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "2.9";

    static Stream<Fix<IntFunction<ShardedJob>>> wrongFixes() {
        return BarrierTest.wrongFixes();
    }

    static Stream<Fix<IntFunction<ShardedJob>>> rightFixes() {
        return BarrierTest.rightFixes();
    }

    private static Runnable threeShardsOneCorrupt(IntFunction<ShardedJob> jobFor, Scenario.Failure failure) {
        return () -> {
            ShardedJob job = jobFor.apply(Scenario.WORKERS);
            Map<Integer, String> failed = new ConcurrentHashMap<>();
            ShardedJob.Shard task = new ShardedJob.Shard() {
                @Override
                public void process(int shard) {
                    if (shard == Scenario.FAILING_SHARD) {
                        throw failure.orThrowError(shard);
                    }
                }

                @Override
                public void merge(int shard) {
                }
            };
            Actors.runTogether(IntStream.rangeClosed(1, Scenario.WORKERS).<Runnable>mapToObj(shard -> () -> {
                try {
                    job.work(shard, task);
                    // An AssertionError here is the corrupt shard's own failure (Scenario.Failure.ERROR), reported.
                } catch (Exception | AssertionError e) {
                    failed.put(shard, e.toString());
                }
            }).toArray(Runnable[]::new));
            if (!failed.containsKey(Scenario.FAILING_SHARD)) {
                throw new AssertionError("every worker returned, but shard " + Scenario.FAILING_SHARD
                        + "'s failure was reported by nobody: " + failed);
            }
        };
    }

    @Test
    void frayFindsTheWorkersWaitingForever(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, threeShardsOneCorrupt(BadExample::new, Scenario.Failure.EXCEPTION),
                "the workers waiting for ever at the barrier, with every blocked thread's stack");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<IntFunction<ShardedJob>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, threeShardsOneCorrupt(fix.make(), Scenario.Failure.ERROR));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, threeShardsOneCorrupt(GoodExample::new, Scenario.Failure.ERROR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<IntFunction<ShardedJob>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, threeShardsOneCorrupt(fix.make(), Scenario.Failure.ERROR));
    }
}
