package org.concurrencyhandbook.syncstate.partialupdate;

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
 * 1.5 under Fray, with no hint: a teller moves 10 € from one account to the other while an auditor adds the two
 * balances up; the auditor must see 200 €, the money always in one account or the other. (The refusal half of 1.5 —
 * a transfer that fails between its steps — is not a matter of schedules: every risk check here approves.)
 */
@Timeout(120)
class FrayExplorationTest {

    /** The wrong fix whose race is on plain fields only: Fray has no point to switch threads at. */
    private static final String ON_PLAIN_FIELDS = "risk check first, no lock";
    private static final String PITFALL = "1.5";

    static Stream<Fix<Scenario.BankOn>> wrongFixes() {
        return PartialUpdateTest.wrongFixes().filter(fix -> !fix.name().equals(ON_PLAIN_FIELDS));
    }

    static Stream<Fix<Scenario.BankOn>> rightFixes() {
        return PartialUpdateTest.rightFixes();
    }

    private static Runnable transferWhileAuditing(Scenario.BankOn bankOn) {
        return () -> {
            Bank bank = bankOn.open(2, 100, (from, to, amount) -> { }, () -> { });
            long[] audited = new long[1];
            Actors.runTogether(() -> bank.transfer(0, 1, 10), () -> audited[0] = bank.total());
            if (audited[0] != 200) {
                throw new AssertionError("the auditor counted " + audited[0] + " € of 200");
            }
        };
    }

    @Test
    void frayFindsTheMoneyInNeitherAccount(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, transferWhileAuditing(BadExample::new), "the money in neither"
                + " account, seen by an auditor, with no hint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Scenario.BankOn> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, transferWhileAuditing(fix.make()));
    }

    /** Its balances are a plain array: nothing between withdrawal and deposit lets Fray switch to the auditor. */
    @Test
    void frayCannotSeeTheWrongFixOnPlainFields() {
        Fix<Scenario.BankOn> fix = PartialUpdateTest.wrongFixes().filter(f -> f.name().equals(ON_PLAIN_FIELDS))
                .findFirst().orElseThrow();
        ExplorationProof.wrongFixUnseen(PITFALL, fix, transferWhileAuditing(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, transferWhileAuditing(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Scenario.BankOn> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, transferWhileAuditing(fix.make()));
    }
}
