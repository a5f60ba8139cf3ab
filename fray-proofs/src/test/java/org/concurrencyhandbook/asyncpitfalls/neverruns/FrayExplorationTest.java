package org.concurrencyhandbook.asyncpitfalls.neverruns;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 4.2 under Fray: a job sent to the background, two addresses notified, an account looked up through two futures. The
 * job must run on another thread, each address be notified, and the lookup give the account. The bad dispatch fails in
 * every order — nothing in it races — so Fray finds it in the first schedule, as any run would.
 *
 * <p>The recommended fix on a virtual thread is not explored: Fray 0.9.2 does not run virtual threads (2.10's
 * exploration proves it).
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "4.2";

    static Stream<Fix<Dispatch>> wrongFixes() {
        return Stream.of(OtherDispatches.COUNT_AS_TERMINAL, OtherDispatches.FIND_ANY_AS_TERMINAL);
    }

    private static Runnable dispatchEverything(Dispatch dispatch) {
        return () -> {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            try {
                dispatch.inBackground(() -> ranOn.set(Thread.currentThread())).join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (ranOn.get() == Thread.currentThread()) {
                throw new AssertionError("the background job ran on the caller");
            }
            Queue<String> notified = new ConcurrentLinkedQueue<>();
            dispatch.notifyEach(List.of("ann@example.com", "bob@example.com"), notified::add);
            if (notified.size() != 2) {
                throw new AssertionError("notified " + notified + " of two addresses");
            }
            Object account = dispatch.accountOf("ann", new Dispatch.Directory() {
                @Override
                public CompletableFuture<String> userId(String name) {
                    return CompletableFuture.completedFuture("user-" + name);
                }

                @Override
                public CompletableFuture<String> account(String userId) {
                    return CompletableFuture.completedFuture("account of " + userId);
                }
            }).join();
            if (!"account of user-ann".equals(account)) {
                throw new AssertionError("the lookup gave " + account);
            }
        };
    }

    @Test
    void frayFindsTheWorkThatNeverRuns(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, dispatchEverything(new BadExample()), "the background job run on"
                + " the caller, in every order");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Dispatch> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, dispatchEverything(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, dispatchEverything(new GoodExample()));
    }

    @Test
    void theRecommendedFixOnPlatformThreadsSurvives(TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, OtherDispatches.MAPPED_TO_LIST,
                dispatchEverything(OtherDispatches.MAPPED_TO_LIST.make()));
    }
}
