package org.concurrencyhandbook.apipitfalls.unreleased;

import java.util.function.Supplier;
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
 * 3.12 under Fray, with no hint: an account opened with {@value Scenario#OPENING}; at once, one clerk tries to
 * withdraw {@value Scenario#TOO_MUCH}, an auditor's check fails with an {@code Error}, and another clerk deposits
 * {@value Scenario#DEPOSIT}. Then the balance must read {@code OPENING + DEPOSIT}. The bad account fails in every
 * schedule — the lock stays held on the overdraft's path whatever the order — so Fray finds it in the first; what it
 * adds is its verdict: every thread left waiting for a lock whose owner has ended, with their stacks.
 *
 * <p>The wrong fix "{@code lockInterruptibly()} inside the {@code try}" fails only when a wait for the lock is
 * interrupted; this scenario sends no interrupt, and the unit test proves that one.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "3.12";

    static Stream<Fix<Supplier<Account>>> wrongFixes() {
        return Stream.of(OtherAccounts.UNLOCK_IN_A_CATCH, OtherAccounts.FINALLY_WHERE_IT_THROWS);
    }

    static Stream<Fix<Supplier<Account>>> rightFixes() {
        return OtherAccounts.RIGHT_FIXES.stream();
    }

    private static Runnable overdraftAuditAndDeposit(Supplier<Account> opener) {
        return () -> {
            Account account = opener.get();
            try {
                account.deposit(Scenario.OPENING);
                Actors.runTogether(() -> {
                    try {
                        account.withdraw(Scenario.TOO_MUCH);
                    } catch (IllegalArgumentException | InterruptedException refusedAsItShouldBe) {
                        // The overdraft's refusal reached its caller: what must happen.
                    }
                }, () -> {
                    try {
                        account.audit(balance -> {
                            throw new AssertionError("the books do not balance");
                        });
                    } catch (AssertionError | InterruptedException failedAsItShouldBe) {
                        // The auditor's failure reached its caller: what must happen.
                    }
                }, () -> {
                    try {
                        account.deposit(Scenario.DEPOSIT);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                long balance = account.balance();
                if (balance != Scenario.OPENING + Scenario.DEPOSIT) {
                    throw new AssertionError("balance " + balance + ", expected " + (Scenario.OPENING + Scenario.DEPOSIT));
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException("the main thread was interrupted", e);
            }
        };
    }

    @Test
    void frayFindsTheLockLeftHeld(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, overdraftAuditAndDeposit(BadExample::new), "every other thread"
                + " waiting for a lock whose owner has ended, with their stacks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Supplier<Account>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, overdraftAuditAndDeposit(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, overdraftAuditAndDeposit(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Supplier<Account>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, overdraftAuditAndDeposit(fix.make()));
    }
}
