package org.concurrencyhandbook.apipitfalls.blockingsection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario every cache runs, in two parts, both deterministic; the quote service is the scenario's hook, so the
 * "network" answers exactly when the scenario says.
 *
 * <ol>
 *   <li><b>Another symbol's reader.</b> A reader asks for {@code Aa}, and the service holds that fetch open. While it
 *       is open, a second reader asks for {@code BB}, whose fetch the service answers at once. The scenario waits
 *       until the second reader has its price, or is stuck — blocked on a lock or waiting — and only then lets the
 *       first fetch finish. ({@code "Aa"} and {@code "BB"} have the same {@code hashCode()}, so a hash map puts them
 *       in the same bin: a cache whose map locks a bin while it fetches is caught too.) Stuck means blocked on a
 *       lock the first reader holds; a reader that waits for something of its own is waited for.</li>
 *   <li><b>One symbol, four readers.</b> Four readers ask for {@code Cc} at once. Each fetch of it waits until every
 *       other reader has reached the service too, or is stuck waiting — so a cache that lets two readers fetch the
 *       same symbol lets all four, every time. The service counts the fetches.</li>
 *   <li><b>A failed fetch.</b> The first fetch of {@code Dd} fails; once its reader has had the failure, another
 *       reader asks for {@code Dd}, and the service answers. A cache that kept the failure hands it out again.</li>
 * </ol>
 * The invariant: no reader waits for a fetch it did not need, each symbol is fetched once, and a failure is not
 * kept.
 */
final class Scenario {

    static final String SLOW_SYMBOL = "Aa";
    static final String OTHER_SYMBOL = "BB";
    static final String POPULAR_SYMBOL = "Cc";
    static final String FAILING_SYMBOL = "Dd";
    static final int READERS_OF_ONE_SYMBOL = 4;
    static final long PRICE = 100;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /**
     * Whether the other symbol's reader was stuck behind the slow fetch, how often the popular symbol was fetched, and
     * whether a reader after a failed fetch got a price.
     */
    record Outcome(boolean otherReaderWaited, int fetchesOfOneSymbol, boolean pricedAfterAFailure) {
        boolean stampede() {
            return fetchesOfOneSymbol > 1;
        }

        Verdict verdict() {
            return otherReaderWaited || stampede() || !pricedAfterAFailure ? Verdict.FAILURE_SHOWN : Verdict.INVARIANT_HELD;
        }
    }

    static Outcome run(QuoteCache.Opener opener) throws InterruptedException {
        return new Outcome(otherReaderWaited(opener), fetchesOfOneSymbol(opener), pricedAfterAFailure(opener));
    }

    /** Part 3: the first fetch of {@code Dd} fails; does the next reader get a price? */
    private static boolean pricedAfterAFailure(QuoteCache.Opener opener) {
        AtomicInteger fetches = new AtomicInteger();
        QuoteCache cache = opener.open(symbol -> {
            if (fetches.incrementAndGet() == 1) {
                throw new IllegalStateException("the quote service timed out");
            }
            return PRICE;
        });
        boolean firstReaderFailed = false;
        try {
            cache.price(FAILING_SYMBOL);
        } catch (RuntimeException expected) {
            firstReaderFailed = true;
        }
        if (!firstReaderFailed) {
            throw new IllegalStateException("the failed fetch of " + FAILING_SYMBOL + " reached no reader");
        }
        try {
            return cache.price(FAILING_SYMBOL) == PRICE;
        } catch (RuntimeException keptFailure) {
            return false;
        }
    }

    /** Part 1: does a reader of {@code BB} get its price while the fetch of {@code Aa} is open? */
    private static boolean otherReaderWaited(QuoteCache.Opener opener) throws InterruptedException {
        CountDownLatch slowFetchOpen = new CountDownLatch(1);
        CountDownLatch answerSlowFetch = new CountDownLatch(1);
        QuoteCache cache = opener.open(symbol -> {
            if (symbol.equals(SLOW_SYMBOL)) {
                slowFetchOpen.countDown();
                Await.opened(answerSlowFetch, PATIENCE, "the scenario never answered the fetch of " + SLOW_SYMBOL);
            }
            return PRICE;
        });
        AtomicBoolean otherGotItsPrice = new AtomicBoolean();
        Workers slowReader = new Workers();
        Thread slow = slowReader.add("reader of " + SLOW_SYMBOL, () -> cache.price(SLOW_SYMBOL));
        slowReader.startAll();
        Await.opened(slowFetchOpen, PATIENCE, "the reader of " + SLOW_SYMBOL + " never reached the quote service");
        Workers otherReader = new Workers();
        Thread other = otherReader.add("reader of " + OTHER_SYMBOL, () -> {
            cache.price(OTHER_SYMBOL);
            otherGotItsPrice.set(true);
        });
        otherReader.startAll();
        Await.arrivedOrBlockedBy(List.of(other), reader -> otherGotItsPrice.get(), slow, PATIENCE);
        boolean waited = !otherGotItsPrice.get();
        answerSlowFetch.countDown();
        slowReader.awaitAll(PATIENCE);
        otherReader.awaitAll(PATIENCE);
        return waited;
    }

    /** Part 2: four readers of {@code Cc} at once; how many fetches of it reach the service? */
    private static int fetchesOfOneSymbol(QuoteCache.Opener opener) throws InterruptedException {
        AtomicInteger fetches = new AtomicInteger();
        Set<Thread> atTheService = ConcurrentHashMap.newKeySet();
        List<Thread> readers = new ArrayList<>();
        QuoteCache cache = opener.open(symbol -> {
            fetches.incrementAndGet();
            atTheService.add(Thread.currentThread());
            List<Thread> others = readers.stream().filter(reader -> reader != Thread.currentThread()).toList();
            Await.arrivedOrBlocked(others, atTheService::contains, PATIENCE);
            return PRICE;
        });
        Workers workers = new Workers();
        for (int r = 1; r <= READERS_OF_ONE_SYMBOL; r++) {
            readers.add(workers.add("reader " + r + " of " + POPULAR_SYMBOL, () -> cache.price(POPULAR_SYMBOL)));
        }
        workers.startAll().awaitAll(PATIENCE.multipliedBy(2));
        return fetches.get();
    }

    static Verdict demonstrate(String example, QuoteCache.Opener opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("3.2 Blocking in a critical section — %s%n", example);
        System.out.printf("The quote service held the fetch of %s open; meanwhile a reader asked for %s, whose fetch"
                + " takes no time.%n", SLOW_SYMBOL, OTHER_SYMBOL);
        System.out.println(outcome.otherReaderWaited()
                ? "The reader of " + OTHER_SYMBOL + " was stuck until the fetch of " + SLOW_SYMBOL + " ended — waiting"
                        + " for a network call it did not need."
                : "The reader of " + OTHER_SYMBOL + " got its price while the fetch of " + SLOW_SYMBOL + " was still open.");
        System.out.printf("Then %d readers asked for %s at once: the service was asked %s.%n", READERS_OF_ONE_SYMBOL,
                POPULAR_SYMBOL, outcome.fetchesOfOneSymbol() == 1 ? "once" : outcome.fetchesOfOneSymbol() + " times");
        if (outcome.otherReaderWaited()) {
            System.out.println("BLOCKED BEHIND I/O: the cache held its lock across a network call.");
        }
        System.out.printf("The first fetch of %s failed; the next reader of %s %s.%n", FAILING_SYMBOL, FAILING_SYMBOL,
                outcome.pricedAfterAFailure() ? "got its price" : "got the same failure, without a new fetch");
        if (outcome.stampede()) {
            System.out.printf("STAMPEDE: %d fetches of one symbol — the readers all missed, and all went to the"
                    + " network.%n", outcome.fetchesOfOneSymbol());
        }
        if (!outcome.pricedAfterAFailure()) {
            System.out.println("POISONED: the cache kept a failed fetch, and hands the failure to every later reader.");
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("Nobody waited for a fetch it did not need, each symbol was fetched once, and a failure was"
                    + " not kept.");
        }
        return outcome.verdict();
    }
}
