package org.concurrencyhandbook.syncstate.checkthenact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.syncstate.checkthenact.Scenario.CALLERS;

import java.util.function.Function;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every registry: four callers ask for the same host's client, three of them while the first client
 * is still being opened — the opener finishes only when every other caller has reached it or is blocked. Judged by
 * {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class CheckThenActTest {

    static Stream<Fix<Function<ClientRegistry.Opener, ClientRegistry>>> wrongFixes() {
        return Stream.of(
                Fix.of("putIfAbsent with the client already opened", OtherRegistries.PutIfAbsentAfterOpening::new),
                Fix.of("check locked, act locked, opening between", OtherRegistries.LockedCheckLockedAct::new));
    }

    static Stream<Fix<Function<ClientRegistry.Opener, ClientRegistry>>> rightFixes() {
        return Stream.of(
                Fix.of("one synchronized block over a HashMap", OtherRegistries.OneSynchronizedBlock::new),
                Fix.of("a future claimed with putIfAbsent, opened outside the map", OtherRegistries.FutureMemoizer::new));
    }

    @Test
    void checkingThenActingOpensAClientForEveryCallerThatCheckedBeforeTheFirstWasStored(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.opened()).as("clients opened for one host").isEqualTo(CALLERS);
        Evidence.badShowed(reporter, "%d clients opened for one host by %d callers (%d leaked)",
                outcome.opened(), CALLERS, outcome.leaked());
    }

    @Test
    void computeIfAbsentOpensExactlyOneClientAndHandsEveryCallerTheSameOne(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.opened()).as("clients opened for one host").isEqualTo(1);
        assertThat(outcome.distinctClientsHandedOut()).as("different clients handed out").isEqualTo(1);
        Evidence.goodHeld(reporter, "%d client opened, the same one handed to all %d callers", outcome.opened(), CALLERS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillOpensAClientPerCaller(Fix<Function<ClientRegistry.Opener, ClientRegistry>> fix,
            TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.opened()).isEqualTo(CALLERS);
        Evidence.wrongFixCaught(reporter, fix, "%d clients opened for one host (%d leaked)", outcome.opened(), outcome.leaked());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixOpensExactlyOneClient(Fix<Function<ClientRegistry.Opener, ClientRegistry>> fix,
            TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "%d client opened, %d handed out", outcome.opened(), outcome.distinctClientsHandedOut());
    }
}
