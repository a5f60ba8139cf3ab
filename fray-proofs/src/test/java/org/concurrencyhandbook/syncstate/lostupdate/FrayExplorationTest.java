package org.concurrencyhandbook.syncstate.lostupdate;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * 1.3 under Fray, with no hint: two tellers deposit 100 each into an account whose deposits are also written to a
 * ledger — a concurrent queue, as a real ledger would be; the balance must be 200. Fray can switch threads inside the
 * ledger call, between the read of the balance and its write: that is where it finds the lost deposit. Were nothing
 * between them but plain field accesses, it would have no point to switch at (1.2 shows that blind spot).
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "1.3";

    static Stream<Fix<Function<Ledger, Account>>> wrongFixes() {
        return LostUpdateTest.wrongFixes();
    }

    static Stream<Fix<Function<Ledger, Account>>> rightFixes() {
        return LostUpdateTest.rightFixes();
    }

    private static Runnable twoTellers(Function<Ledger, Account> accountOn) {
        return () -> {
            Queue<Long> entries = new ConcurrentLinkedQueue<>();
            Account account = accountOn.apply(entries::add);
            Actors.runTogether(() -> account.deposit(100), () -> account.deposit(100));
            if (account.balance() != 200 || entries.size() != 2) {
                throw new AssertionError("balance " + account.balance() + " after two deposits of 100, ledger " + entries);
            }
        };
    }

    @Test
    void frayFindsTheLostDeposit(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, twoTellers(BadExample::new), "a deposit lost, with no hint, through"
                + " the switch point the ledger call offers between the read and the write");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Function<Ledger, Account>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, twoTellers(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, twoTellers(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Function<Ledger, Account>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, twoTellers(fix.make()));
    }
}
