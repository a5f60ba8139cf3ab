package org.concurrencyhandbook.apipitfalls.wronglock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * One scenario for every box office: three clerks, each sent to the till while the one before prints its tickets
 * inside the critical section; then a sale while another component holds the string {@code "lock"}. Every wait is
 * forced, none timed: the same seats on every run, one CPU included. Judged by {@link Scenario.Outcome#verdict}, as
 * the mains are.
 */
@Timeout(60)
class WrongLockObjectTest {

    static Stream<Fix<Function<BoxOffice.TicketPrinter, BoxOffice>>> jvmSharedLocks() {
        return OtherBoxOffices.JVM_SHARED_LOCKS.stream();
    }

    static Stream<Fix<Function<BoxOffice.TicketPrinter, BoxOffice>>> rightFixes() {
        return OtherBoxOffices.RIGHT_FIXES.stream();
    }

    @Test
    void lockingTheReassignedIntegerSellsSeatsTwice(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.printed()).as("clerk-2 waited on the old Integer; clerk-3 locked the new one and walked in")
                .containsExactly(1, 2, 3, 4, 3, 4);
        assertThat(outcome.counted()).isEqualTo(4);
        assertThat(outcome.heldUpByStranger()).as("sold starts as the cached Integer 0, which the stranger holds").isTrue();
        assertThat(outcome.insideAtOnce()).singleElement().asString()
                .startsWith("clerk-2 holding Integer@").contains("clerk-3 holding Integer@");
        Evidence.badShowed(reporter, "seats %s sold twice, %d of %d counted; inside at once: %s; and a sale held up by"
                + " a stranger holding the cached Integer 0", outcome.soldTwice(), outcome.counted(), Scenario.SEATS,
                outcome.insideAtOnce().getFirst());
    }

    @Test
    void aFreshObjectPerSaleExcludesNobody(TestReporter reporter) throws Exception {
        assertSeatsSoldThreeTimes(OtherBoxOffices.FRESH_OBJECT, reporter);
    }

    @Test
    void thisInAnAnonymousClassIsTheAnonymousObject(TestReporter reporter) throws Exception {
        assertSeatsSoldThreeTimes(OtherBoxOffices.ANONYMOUS_THIS, reporter);
    }

    private static void assertSeatsSoldThreeTimes(Fix<Function<BoxOffice.TicketPrinter, BoxOffice>> fix,
                                                  TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.printed()).as("all three read 0").containsExactly(1, 2, 1, 2, 1, 2);
        assertThat(outcome.counted()).isEqualTo(2);
        assertThat(outcome.insideAtOnce()).hasSize(2);
        Evidence.wrongFixCaught(reporter, fix, "all three clerks inside at once: seats %s sold three times, %d of %d"
                + " counted", outcome.soldTwice(), outcome.counted(), Scenario.SEATS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jvmSharedLocks")
    void aLockTheWholeJvmSharesIsHeldUpByAStranger(Fix<Function<BoxOffice.TicketPrinter, BoxOffice>> fix,
                                                   TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.printed()).as("the clerks do exclude each other").containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(outcome.heldUpByStranger()).isTrue();
        Evidence.wrongFixCaught(reporter, fix, "every seat sold once, but a sale held up by a stranger holding %s",
                Scenario.JVM_SHARED_IN_WORDS);
    }

    @Test
    void aPrivateFinalLockObjectSellsEachSeatOnce(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.printed()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(outcome.insideAtOnce()).isEmpty();
        Evidence.goodHeld(reporter, "seats %s, each once; %d counted; no sale held up by the stranger",
                outcome.printed(), outcome.counted());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSellsEachSeatOnce(Fix<Function<BoxOffice.TicketPrinter, BoxOffice>> fix,
                                              TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.soldTwice()).isEqualTo(List.of());
        Evidence.rightFixHeld(reporter, fix, "seats %s, each once; %d counted; no sale held up by the stranger",
                outcome.printed(), outcome.counted());
    }
}
