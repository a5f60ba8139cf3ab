package org.concurrencyhandbook.contentiondeadlock.aliencall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Watchdog;

/**
 * The scenario both examples run: a portfolio subscribes to the feed; one thread publishes 1,000 prices while another
 * rebalances the portfolio 1,000 times. At their first step, each thread, holding its first lock (the feed's, the
 * portfolio's), waits until the other holds its own first lock or is blocked. A {@link Watchdog} reports a deadlock
 * as soon as {@code ThreadMXBean} sees one.
 */
final class Callbacks {

    static final int STEPS = 1_000;
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private Callbacks() {
    }

    static Verdict demonstrate(String example, Function<PriceFeed.FirstLockHeld, PriceFeed> feedOn) throws InterruptedException {
        System.out.printf("2.7 Calling alien code under a lock — %s%n", example);
        Set<Thread> holdingFirstLock = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        PriceFeed.FirstLockHeld firstLockHeld = () -> {
            Thread me = Thread.currentThread();
            if (holdingFirstLock.add(me)) {
                Await.arrivedOrBlocked(threads.stream().filter(t -> t != me).toList(), holdingFirstLock::contains, LIMIT);
            }
        };
        PriceFeed feed = feedOn.apply(firstLockHeld);
        Portfolio portfolio = new Portfolio(feed, firstLockHeld);
        feed.subscribe(portfolio);
        LongAdder published = new LongAdder();
        threads.add(Thread.ofPlatform().daemon().name("publisher").unstarted(() -> {
            for (int i = 1; i <= STEPS; i++) {
                feed.publish(100 + i % 7);
                published.increment();
            }
        }));
        threads.add(Thread.ofPlatform().daemon().name("rebalancer").unstarted(() -> {
            for (int i = 0; i < STEPS; i++) {
                portfolio.rebalance();
            }
        }));
        Watchdog watchdog = Watchdog.watch(threads).onDeadlock();
        threads.forEach(Thread::start);
        Watchdog.Outcome outcome = watchdog.start().awaitOutcome(LIMIT);
        if (outcome.kind() == Watchdog.Outcome.Kind.FINISHED) {
            System.out.printf("All %,d prices published and %,d rebalances done in %d ms.%n", published.sum(),
                    portfolio.rebalances(), outcome.after().toMillis());
            return Verdict.INVARIANT_HELD;
        }
        System.out.printf("%s after %d ms: the publisher holds the feed's lock and calls the portfolio; the rebalancer"
                + " holds the portfolio's lock and calls the feed.%n%s%n", outcome.kind(), outcome.after().toMillis(), outcome.diagnosis());
        return Verdict.FAILURE_SHOWN;
    }
}
