package org.concurrencyhandbook.apipitfalls.blockingsection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.apipitfalls.blockingsection.Scenario.READERS_OF_ONE_SYMBOL;

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
 * One scenario for every cache: a fetch held open while another symbol's reader comes, then four readers of one
 * symbol at once, each fetch waiting until the others have reached the service or are stuck. The lock-holding cache
 * makes the other reader wait; dropping the lock around the fetch brings the stampede; {@code computeIfAbsent} with the
 * fetch inside blocks a reader of the same bin; a future per symbol does neither. Judged by
 * {@link Scenario.Outcome#verdict}, as the mains are. Every wait is forced, none timed: one CPU gives the same verdicts.
 */
@Timeout(60)
class BlockingInCriticalSectionTest {

    /** Each wrong fix fails a different half of the scenario, so each has its own test. */
    static final Fix<QuoteCache.Opener> LOCK_DROPPED_AROUND_THE_FETCH =
            Fix.of("lock dropped around the fetch", OtherCaches.LockDroppedAroundTheFetch::new);
    private static final Fix<QuoteCache.Opener> COMPUTE_IF_ABSENT_FETCHING =
            Fix.of("ConcurrentHashMap.computeIfAbsent fetching", OtherCaches.ComputeIfAbsentFetching::new);

    static Stream<Fix<QuoteCache.Opener>> rightFixes() {
        return Stream.of(Fix.of("FutureTask memoizer (JCIP 5.6)", OtherCaches.FutureTaskMemoizer::new));
    }

    @Test
    void theCacheThatFetchesUnderItsLockMakesAReaderOfAnotherSymbolWaitForTheNetwork(TestReporter reporter)
            throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.otherReaderWaited()).as("the other symbol's reader was stuck behind the fetch").isTrue();
        assertThat(outcome.fetchesOfOneSymbol()).as("a lock held across the fetch does stop the stampede").isEqualTo(1);
        Evidence.badShowed(reporter, "the reader of %s stuck until the fetch of %s ended; %d fetch of %s for %d readers",
                Scenario.OTHER_SYMBOL, Scenario.SLOW_SYMBOL, outcome.fetchesOfOneSymbol(), Scenario.POPULAR_SYMBOL,
                READERS_OF_ONE_SYMBOL);
    }

    @Test
    void droppingTheLockAroundTheFetchSendsEveryReaderToTheNetwork(TestReporter reporter) throws Exception {
        Fix<QuoteCache.Opener> fix = LOCK_DROPPED_AROUND_THE_FETCH;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.otherReaderWaited()).isFalse();
        // Usually all four; a reader caught for an instant on the monitor another reader holds for its quick look may
        // find the price already stored, so the proof is "more than one", not "four".
        assertThat(outcome.fetchesOfOneSymbol()).as("fetches of one symbol").isGreaterThan(1);
        Evidence.wrongFixCaught(reporter, fix, "%d fetches of %s for %d readers (a stampede); nobody waited for another"
                + " symbol", outcome.fetchesOfOneSymbol(), Scenario.POPULAR_SYMBOL, READERS_OF_ONE_SYMBOL);
    }

    @Test
    void computeIfAbsentWithTheFetchInsideMakesAReaderOfTheSameBinWait(TestReporter reporter) throws Exception {
        Fix<QuoteCache.Opener> fix = COMPUTE_IF_ABSENT_FETCHING;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.otherReaderWaited()).as("the reader of BB, in Aa's bin, stuck behind Aa's fetch").isTrue();
        assertThat(outcome.fetchesOfOneSymbol()).isEqualTo(1);
        Evidence.wrongFixCaught(reporter, fix, "the reader of %s (same bin as %s) stuck until that fetch ended; one fetch"
                + " of %s", Scenario.OTHER_SYMBOL, Scenario.SLOW_SYMBOL, Scenario.POPULAR_SYMBOL);
    }

    @Test
    void aFuturePerSymbolThatKeepsAFailedFetchHandsTheFailureToEveryLaterReader(TestReporter reporter) throws Exception {
        Fix<QuoteCache.Opener> fix = Fix.of("a future per symbol, a failed one kept", OtherCaches.FailedFutureKept::new);
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.otherReaderWaited()).isFalse();
        assertThat(outcome.fetchesOfOneSymbol()).isEqualTo(1);
        assertThat(outcome.pricedAfterAFailure()).as("a reader after the failed fetch got a price").isFalse();
        Evidence.wrongFixCaught(reporter, fix, "no reader blocked, one fetch per symbol, but the reader after a failed"
                + " fetch got the old failure");
    }

    @Test
    void aFuturePerSymbolNeitherBlocksOtherReadersNorFetchesTwice(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.otherReaderWaited()).isFalse();
        assertThat(outcome.fetchesOfOneSymbol()).isEqualTo(1);
        assertThat(outcome.pricedAfterAFailure()).isTrue();
        Evidence.goodHeld(reporter, "the reader of %s served while the fetch of %s was open; 1 fetch of %s for %d readers; a"
                + " failed fetch not kept",
                Scenario.OTHER_SYMBOL, Scenario.SLOW_SYMBOL, Scenario.POPULAR_SYMBOL, READERS_OF_ONE_SYMBOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixNeitherBlocksOtherReadersNorFetchesTwice(Fix<QuoteCache.Opener> fix, TestReporter reporter)
            throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "nobody waited for another symbol's fetch; 1 fetch of %s for %d readers",
                Scenario.POPULAR_SYMBOL, READERS_OF_ONE_SYMBOL);
    }
}
