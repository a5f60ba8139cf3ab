package org.concurrencyhandbook.contentiondeadlock.lockordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.Exploration;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pastalab.fray.runtime.DeadlockException;

/**
 * 2.1 under Fray, with no hint: one transfer from account 1 to account 2 and one back, at once; both must complete and
 * the money add up. Fray reports a deadlock when every thread it schedules is blocked.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "2.1";

    static Stream<Fix<Function<Bank.FirstLockHeld, Bank>>> wrongFixes() {
        return LockOrderingTest.wrongFixes();
    }

    static Stream<Fix<Function<Bank.FirstLockHeld, Bank>>> rightFixes() {
        return Stream.concat(Stream.of(Fix.of("GoodExample, ReentrantLocks in account order",
                GoodExample.WithReentrantLocks::new)), LockOrderingTest.rightFixes());
    }

    private static Runnable transfersBothWays(Function<Bank.FirstLockHeld, Bank> bankOn) {
        return () -> {
            Bank bank = bankOn.apply(() -> { });
            Account first = new Account(1, 100);
            Account second = new Account(2, 100);
            Actors.runTogether(() -> bank.transfer(first, second, 10), () -> bank.transfer(second, first, 10));
            if (first.balance + second.balance != 200) {
                throw new AssertionError("the accounts hold " + (first.balance + second.balance) + " of 200");
            }
        };
    }

    @Test
    void frayFindsTheDeadlock(TestReporter reporter) {
        Exploration.Failure failure = ExplorationProof.badFound(reporter, PITFALL,
                transfersBothWays(BadExample.WithMonitors::new), "the deadlock, with every blocked thread's stack");
        assertThat(failure.thrown()).isInstanceOf(DeadlockException.class);
        Exploration.Result explicitLocks = Exploration.explore(PITFALL + "-BadExample-ReentrantLocks",
                Exploration.FIND_WITHIN, transfersBothWays(BadExample.WithReentrantLocks::new));
        assertThat(explicitLocks.failure()).as("%s", explicitLocks).get()
                .extracting(Exploration.Failure::thrown).isInstanceOf(DeadlockException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Function<Bank.FirstLockHeld, Bank>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, transfersBothWays(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, transfersBothWays(GoodExample.WithMonitors::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Function<Bank.FirstLockHeld, Bank>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, transfersBothWays(fix.make()));
    }
}
