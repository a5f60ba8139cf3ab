package org.concurrencyhandbook.apipitfalls.executormisuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.Exploration;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 3.6 under Fray, with no hint: the scenario's burst, each task waiting for its reply until the whole burst is in —
 * but with no wait for the pool to reach full strength, so how far its threads have got when the replies come is
 * Fray's choice. Then the caller waits for every task the executor accepted to end, as it would for their results.
 * The scenario's invariant, less the part that needs the wait for full strength ("all of the pool used"): at most
 * {@value Scenario#THREADS} threads, at most {@value Scenario#QUEUE} tasks held beyond them, and every task run or
 * refused to the caller's face — one accepted and thrown away leaves the caller waiting for ever, as
 * {@code Future.get()} would for a task {@code DiscardPolicy} dropped, and Fray reports every thread blocked.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "3.6";
    /**
     * Four tasks more than the pool may hold, where the scenario sends a hundred: enough to need a refusal, and few
     * enough threads for Fray — a hundred of them made one schedule take tens of seconds.
     */
    private static final int BURST = Scenario.THREADS + Scenario.QUEUE + 4;
    /**
     * The bad example and the wrong fixes fail in every order; each schedule of this burst costs about 30 ms under
     * Fray, so the good ones survive fifty rather than the usual three hundred.
     */
    private static final int SURVIVE = 50;

    @BeforeAll
    static void loadThePoolsClasses() {
        Exploration.loadClassesOf(theBurst(GoodExample::newExecutor));
    }

    static Stream<Fix<Supplier<ExecutorService>>> wrongFixes() {
        return Stream.of(ExecutorMisuseTest.DISCARDING, ExecutorMisuseTest.CORE_BELOW_MAX,
                ExecutorMisuseTest.FIXED_THREAD_POOL);
    }

    private static Runnable theBurst(Supplier<ExecutorService> opener) {
        return () -> {
            ExecutorService executor = opener.get();
            Thread submitter = Thread.currentThread();
            CountDownLatch replies = new CountDownLatch(1);
            Set<Thread> poolThreads = ConcurrentHashMap.newKeySet();
            AtomicInteger ran = new AtomicInteger();
            Phaser accepted = new Phaser(1);
            int refused = 0;
            for (int task = 0; task < BURST; task++) {
                accepted.register();
                try {
                    executor.execute(() -> {
                        if (Thread.currentThread() != submitter) {
                            poolThreads.add(Thread.currentThread());
                            awaitQuietly(replies);
                        }
                        ran.incrementAndGet();
                        accepted.arriveAndDeregister();
                    });
                } catch (RejectedExecutionException refusedLoudly) {
                    accepted.arriveAndDeregister();
                    refused++;
                }
            }
            int ranBySubmitter = ran.get();
            int heldByThePool = BURST - refused - ranBySubmitter;
            replies.countDown();
            // Not awaitTermination: under Fray its wait, which loops on the clock, ran past the step bound (observed).
            accepted.arriveAndAwaitAdvance();
            executor.shutdown();
            assertThat(poolThreads.size()).as("the pool's threads").isLessThanOrEqualTo(Scenario.THREADS);
            assertThat(heldByThePool).as("tasks the pool held at once, running or queued")
                    .isLessThanOrEqualTo(Scenario.THREADS + Scenario.QUEUE);
        };
    }

    private static void awaitQuietly(CountDownLatch replies) {
        try {
            replies.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void frayFindsTheUnboundedPool(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, theBurst(BadExample::newExecutor),
                "a thread started for every waiting task, in every order");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Supplier<ExecutorService>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, theBurst(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, SURVIVE, theBurst(GoodExample::newExecutor));
    }

    @Test
    void callerRunsSurvives(TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, SURVIVE, ExecutorMisuseTest.CALLER_RUNS,
                theBurst(ExecutorMisuseTest.CALLER_RUNS.make()));
    }
}
