package org.concurrencyhandbook.contentiondeadlock.aliencall;

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
 * 2.7 under Fray, with no hint: the feed publishes one price to its subscribed portfolio while the portfolio rebalances
 * once, reading the feed's latest price; both must complete.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "2.7";

    static Stream<Fix<Function<PriceFeed.FirstLockHeld, PriceFeed>>> wrongFixes() {
        return AlienCallTest.wrongFixes();
    }

    static Stream<Fix<Function<PriceFeed.FirstLockHeld, PriceFeed>>> rightFixes() {
        return AlienCallTest.rightFixes();
    }

    private static Runnable publishWhileRebalancing(Function<PriceFeed.FirstLockHeld, PriceFeed> feedOn) {
        return () -> {
            PriceFeed feed = feedOn.apply(() -> { });
            Portfolio portfolio = new Portfolio(feed, () -> { });
            feed.subscribe(portfolio);
            Actors.runTogether(() -> feed.publish(101), portfolio::rebalance);
        };
    }

    @Test
    void frayFindsTheDeadlockThroughTheCallback(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, publishWhileRebalancing(BadExample::new), "the deadlock through the"
                + " callback, with every blocked thread's stack");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Function<PriceFeed.FirstLockHeld, PriceFeed>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, publishWhileRebalancing(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, publishWhileRebalancing(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Function<PriceFeed.FirstLockHeld, PriceFeed>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, publishWhileRebalancing(fix.make()));
    }
}
