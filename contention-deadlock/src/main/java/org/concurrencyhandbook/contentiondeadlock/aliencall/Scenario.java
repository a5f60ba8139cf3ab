package org.concurrencyhandbook.contentiondeadlock.aliencall;

import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Facts;
import org.concurrencyhandbook.support.LockNames;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Watchdog;

/**
 * The scenario both examples run: a portfolio subscribes to the feed; one thread publishes 1,000 prices while another
 * rebalances the portfolio 1,000 times. At their first step, each thread, holding its first lock (the feed's, the
 * portfolio's), waits until the other holds its own first lock or is blocked. A {@link Watchdog} reports a deadlock
 * as soon as {@code ThreadMXBean} sees one, or a stall when neither has moved for a second.
 */
final class Scenario {

    static final int STEPS = 1_000;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Duration NO_PROGRESS = Duration.ofSeconds(1);

    private Scenario() {
    }

    /** One thread of a deadlock: the simple name of the lock's class it waits for, and the method it is blocked in. */
    record Waiter(String thread, String waitsFor, String blockedIn) {
    }

    /** How the run ended; the publications and rebalances done; for a deadlock, the threads of the cycle, in order. */
    record Outcome(Watchdog.Outcome watched, long published, long rebalances, List<Waiter> cycle) {
        Verdict verdict() {
            return watched.kind() == Watchdog.Outcome.Kind.FINISHED && published == STEPS && rebalances == STEPS
                    ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }

        /** Hands what was measured to a test that ran this in a child JVM ({@link Facts}). */
        void record() {
            Facts.record("verdict", verdict());
            Facts.record("ended", watched.kind());
            Facts.record("afterMillis", watched.after().toMillis());
            Facts.record("published", published);
            Facts.record("rebalances", rebalances);
            Facts.record("cycle", String.join(" -> ", cycle.stream().map(Waiter::thread).toList()));
            for (Waiter waiter : cycle) {
                Facts.record(waiter.thread() + ".waitsFor", waiter.waitsFor());
                Facts.record(waiter.thread() + ".blockedIn", waiter.blockedIn());
            }
        }
    }

    static Outcome run(Function<PriceFeed.FirstLockHeld, PriceFeed> feedOn) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        PriceFeed.FirstLockHeld firstLockHeld = Await.firstPassTogether(threads, LIMIT)::run;
        PriceFeed feed = feedOn.apply(firstLockHeld);
        Portfolio portfolio = new Portfolio(feed, firstLockHeld);
        feed.subscribe(portfolio);
        LongAdder published = new LongAdder();
        LongAdder rebalanced = new LongAdder();
        threads.add(Thread.ofPlatform().daemon().name("publisher").unstarted(() -> {
            for (int i = 1; i <= STEPS; i++) {
                feed.publish(100 + i % 7);
                published.increment();
            }
        }));
        threads.add(Thread.ofPlatform().daemon().name("rebalancer").unstarted(() -> {
            for (int i = 0; i < STEPS; i++) {
                portfolio.rebalance();
                rebalanced.increment();
            }
        }));
        Watchdog watchdog = Watchdog.watch(threads).onDeadlock().onNoProgress(() -> published.sum() + rebalanced.sum(), NO_PROGRESS)
                .naming(LockNames.of(feed, "the feed").and(portfolio, "the portfolio"));
        threads.forEach(Thread::start);
        Watchdog.Outcome watched = watchdog.start().awaitOutcome(LIMIT);
        List<ThreadInfo> cycle = watched.deadlock().map(StallDetector.Deadlock::cycle).orElse(List.of());
        return new Outcome(watched, published.sum(), rebalanced.sum(), cycle.stream().map(thread -> new Waiter(
                thread.getThreadName(), simpleName(thread.getLockInfo().getClassName()), blockedIn(thread))).toList());
    }

    static Verdict demonstrate(String example, Function<PriceFeed.FirstLockHeld, PriceFeed> feedOn) throws InterruptedException {
        System.out.printf("2.7 Calling alien code under a lock — %s%n", example);
        Outcome outcome = run(feedOn);
        outcome.record();
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.printf("All %,d prices published and %,d rebalances done in %d ms.%n", outcome.published(),
                    outcome.rebalances(), outcome.watched().after().toMillis());
        } else {
            System.out.printf("Stalled (%s) after %d ms, %,d prices published and %,d rebalances done: the publisher holds the feed's"
                    + " lock and calls the portfolio; the rebalancer holds the portfolio's lock and calls the feed.%n%s%n",
                    outcome.watched().kind().inWords(), outcome.watched().after().toMillis(), outcome.published(), outcome.rebalances(),
                    outcome.watched().diagnosis());
        }
        return outcome.verdict();
    }

    private static String blockedIn(ThreadInfo thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        return stack.length == 0 ? "-" : simpleName(stack[0].getClassName()) + "." + stack[0].getMethodName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
