package org.concurrencyhandbook.apipitfalls.wronglock;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
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
 * 3.10 under Fray, with no hint: three clerks each take a customer from the queue and sell two seats; the printer
 * records every ticket it prints. Six seats must be sold, each printed once. (The queue is where Fray can hold a clerk
 * back before it reads which object to lock; without it, every clerk read the field as it started, and Fray found
 * nothing in 200 schedules.)
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "3.10";

    static Stream<Fix<Function<BoxOffice.TicketPrinter, BoxOffice>>> wrongFixes() {
        return Stream.of(OtherBoxOffices.FRESH_OBJECT, OtherBoxOffices.ANONYMOUS_THIS);
    }

    static Stream<Fix<Function<BoxOffice.TicketPrinter, BoxOffice>>> rightFixes() {
        return OtherBoxOffices.RIGHT_FIXES.stream();
    }

    private static Runnable threeClerks(Function<BoxOffice.TicketPrinter, BoxOffice> officeOn) {
        return () -> {
            Queue<Integer> printed = new ConcurrentLinkedQueue<>();
            BoxOffice office = officeOn.apply((first, seats) -> IntStream.range(first, first + seats).forEach(printed::add));
            Queue<String> customers = new ConcurrentLinkedQueue<>(List.of("ada", "grace", "barbara"));
            Runnable clerk = () -> {
                customers.poll();
                office.sell(2);
            };
            Actors.runTogether(clerk, clerk, clerk);
            List<Integer> seats = printed.stream().sorted().toList();
            if (office.sold() != 6 || !seats.equals(List.of(1, 2, 3, 4, 5, 6))) {
                throw new AssertionError("sold " + office.sold() + ", printed seats " + seats);
            }
        };
    }

    @Test
    void frayFindsASeatSoldTwice(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, threeClerks(BadExample::new), "a seat sold twice through the"
                + " reassigned lock object, with no hint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Function<BoxOffice.TicketPrinter, BoxOffice>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, threeClerks(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, threeClerks(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Function<BoxOffice.TicketPrinter, BoxOffice>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, threeClerks(fix.make()));
    }
}
