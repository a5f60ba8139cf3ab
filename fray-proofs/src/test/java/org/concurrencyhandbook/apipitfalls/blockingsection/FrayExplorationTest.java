package org.concurrencyhandbook.apipitfalls.blockingsection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * 3.2 under Fray, with no hint: two readers ask the cache for one symbol's price and a third for another's, at once;
 * each fetch is counted. Every reader must get its price, and no symbol be fetched twice. The bad cache fetches while
 * holding the lock every reader needs: slow, and correct in every schedule, so Fray finds nothing in it — what it finds
 * is the tempting fix that drops the lock around the fetch.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "3.2";

    static Stream<Fix<QuoteCache.Opener>> wrongFixes() {
        return Stream.of(BlockingInCriticalSectionTest.LOCK_DROPPED_AROUND_THE_FETCH);
    }

    static Stream<Fix<QuoteCache.Opener>> rightFixes() {
        return BlockingInCriticalSectionTest.rightFixes();
    }

    private static Runnable threeReadersTwoSymbols(QuoteCache.Opener opener) {
        return () -> {
            Map<String, Integer> fetches = new ConcurrentHashMap<>();
            QuoteCache cache = opener.open(symbol -> {
                fetches.merge(symbol, 1, Integer::sum);
                return symbol.length() * 100L;
            });
            long[] prices = new long[3];
            Actors.runTogether(() -> prices[0] = cache.price("ACME"), () -> prices[1] = cache.price("ACME"),
                    () -> prices[2] = cache.price("GLOBEX"));
            if (prices[0] != 400 || prices[1] != 400 || prices[2] != 600) {
                throw new AssertionError("prices read: ACME " + prices[0] + ", " + prices[1] + ", GLOBEX " + prices[2]);
            }
            if (fetches.values().stream().anyMatch(count -> count > 1)) {
                throw new AssertionError("fetched " + fetches + ": a symbol fetched more than once");
            }
        };
    }

    @Test
    void frayHasNothingToFindInTheBlockingCache(TestReporter reporter) {
        ExplorationProof.badUnseen(reporter, PITFALL, threeReadersTwoSymbols(BadExample::new), "a fetch under the"
                + " lock is slow, not wrong — every schedule reads every price, fetched once; it finds the lock dropped"
                + " around the fetch instead");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<QuoteCache.Opener> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, threeReadersTwoSymbols(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, threeReadersTwoSymbols(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<QuoteCache.Opener> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, threeReadersTwoSymbols(fix.make()));
    }
}
