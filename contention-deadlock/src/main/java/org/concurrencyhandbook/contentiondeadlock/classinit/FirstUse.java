package org.concurrencyhandbook.contentiondeadlock.classinit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario both examples run, once per JVM: two threads use the two classes for the first time, one each. Inside
 * each static initializer the two threads meet (a barrier) before going on, so both initializations are under way at
 * once — the moment a cycle between them deadlocks, made certain. Then the threads get three seconds to finish.
 */
final class FirstUse {

    private static final Duration LIMIT = Duration.ofSeconds(3);
    private static final CyclicBarrier BOTH_INITIALIZING = new CyclicBarrier(2);

    private FirstUse() {
    }

    /** Called from both static initializers: waits until the other class's initialization has begun too. */
    static void bothClassesInitializing() {
        try {
            BOTH_INITIALIZING.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException | TimeoutException e) {
            // Only one class was being initialized: nothing to line up, the initializer goes on alone.
        }
    }

    static Verdict demonstrate(String example, IntSupplier useCurrencies, IntSupplier useExchangeRates) throws InterruptedException {
        System.out.printf("2.6 Class-initialization deadlock — %s%n", example);
        int[] seen = new int[2];
        Thread first = Thread.ofPlatform().daemon().name("first use of Currencies").start(() -> seen[0] = useCurrencies.getAsInt());
        Thread second = Thread.ofPlatform().daemon().name("first use of ExchangeRates").start(() -> seen[1] = useExchangeRates.getAsInt());
        long deadline = System.nanoTime() + LIMIT.toNanos();
        first.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        second.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        if (!first.isAlive() && !second.isAlive()) {
            System.out.printf("Both classes initialized, by two threads at once: %d currencies quoted, %d exchange rates.%n",
                    seen[0], seen[1]);
            return Verdict.INVARIANT_HELD;
        }
        List<Thread> stuck = List.of(first, second);
        System.out.printf("STUCK: %d s after their first use, neither class has finished initializing.%n", LIMIT.toSeconds());
        System.out.printf("ThreadMXBean.findDeadlockedThreads(): %s%n",
                StallDetector.findDeadlock(stuck).map(d -> "found " + d.threadNames()).orElse("no deadlock found"));
        System.out.printf("Thread.getState(): \"%s\" %s, \"%s\" %s%n", first.getName(), first.getState(), second.getName(), second.getState());
        String dump = StallDetector.jcmd("Thread.print");
        System.out.printf("jcmd %d Thread.print — deadlock report: %s%n", ProcessHandle.current().pid(),
                dump.contains("Found one Java-level deadlock") ? "found one" : "none");
        System.out.println("...and what it says about the two threads:");
        System.out.print(StallDetector.threadSection(dump, first.getName()));
        System.out.print(StallDetector.threadSection(dump, second.getName()));
        return Verdict.FAILURE_SHOWN;
    }
}
