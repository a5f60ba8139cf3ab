package org.concurrencyhandbook.contentiondeadlock.classinit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.concurrencyhandbook.support.Facts;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario both examples run, once per JVM: two threads use the two classes for the first time, one each. Inside
 * each static initializer the two threads meet (a barrier) before going on, so both initializations are under way at
 * once — the moment a cycle between them deadlocks, made certain. Then the threads get three seconds to finish.
 */
final class Scenario {

    private static final Duration LIMIT = Duration.ofSeconds(3);
    private static final CyclicBarrier BOTH_INITIALIZING = new CyclicBarrier(2);

    private Scenario() {
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

    /**
     * What the tools saw of two threads stuck in class initialization: the class each is waiting to see initialized,
     * as {@code jcmd Thread.print} names it ({@code -} if it does not), each thread's state, and the two deadlock
     * reports.
     */
    record Stuck(List<String> states, boolean threadMxBeanFoundDeadlock, boolean threadPrintFoundDeadlock,
                 List<String> waitingForInitializationOf) {
    }

    static Verdict demonstrate(String example, IntSupplier useCurrencies, IntSupplier useExchangeRates) throws InterruptedException {
        System.out.printf("2.6 Class-initialization deadlock — %s%n", example);
        int[] seen = new int[2];
        Thread first = Thread.ofPlatform().daemon().name("first use of Currencies").start(() -> seen[0] = useCurrencies.getAsInt());
        Thread second = Thread.ofPlatform().daemon().name("first use of ExchangeRates").start(() -> seen[1] = useExchangeRates.getAsInt());
        long started = System.nanoTime();
        long deadline = started + LIMIT.toNanos();
        first.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        second.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        if (!first.isAlive() && !second.isAlive()) {
            Facts.record("ended", "FINISHED");
            Facts.record("afterMillis", Duration.ofNanos(System.nanoTime() - started).toMillis());
            Facts.record("quoted", seen[0]);
            Facts.record("rates", seen[1]);
            System.out.printf("Both classes initialized, by two threads at once: %d currencies quoted, %d exchange rates.%n",
                    seen[0], seen[1]);
            return Verdict.INVARIANT_HELD;
        }
        List<Thread> threads = List.of(first, second);
        String dump = StallDetector.jcmd("Thread.print");
        Stuck stuck = new Stuck(threads.stream().map(t -> "\"" + t.getName() + "\" " + t.getState()).toList(),
                StallDetector.findDeadlock(threads).isPresent(), dump.contains("Found one Java-level deadlock"),
                threads.stream().map(t -> waitingForInitializationOf(StallDetector.threadSection(dump, t.getName()))).toList());
        Facts.record("ended", "STUCK");
        Facts.record("states", String.join(", ", stuck.states()));
        Facts.record("threadMxBean.deadlockFound", stuck.threadMxBeanFoundDeadlock());
        Facts.record("threadPrint.deadlockFound", stuck.threadPrintFoundDeadlock());
        Facts.record("threadPrint.waitingForInitializationOf", String.join(", ", stuck.waitingForInitializationOf()));
        System.out.printf("STUCK: %d s after their first use, neither class has finished initializing.%n", LIMIT.toSeconds());
        System.out.printf("ThreadMXBean.findDeadlockedThreads(): %s%n",
                stuck.threadMxBeanFoundDeadlock() ? "found a deadlock" : "no deadlock found");
        System.out.printf("Thread.getState(): %s%n", String.join(", ", stuck.states()));
        System.out.printf("jcmd %d Thread.print — deadlock report: %s%n", ProcessHandle.current().pid(),
                stuck.threadPrintFoundDeadlock() ? "found one" : "none");
        System.out.println("...but it shows where each thread waits, and for which class:");
        for (Thread thread : threads) {
            String section = StallDetector.threadSection(dump, thread.getName());
            System.out.printf("  \"%s\" %s%n", thread.getName(), whereItWaits(section));
            if (StallDetector.threadDumpAsked()) {
                System.out.print(section);
            }
        }
        if (!StallDetector.threadDumpAsked()) {
            System.out.print(StallDetector.howToAskForStacks());
        }
        return Verdict.FAILURE_SHOWN;
    }

    /**
     * The two lines of a thread's jcmd section that explain it, in one: its top frame (a class initializer) and what it
     * waits on there — "at BadExample$Currencies.<clinit>(BadExample.java:NN), waiting on the Class initialization
     * monitor for BadExample$ExchangeRates".
     */
    private static String whereItWaits(String threadSection) {
        List<String> lines = threadSection.lines().map(String::strip).toList();
        String frame = lines.stream().filter(line -> line.startsWith("at ")).findFirst().orElse("at ?");
        String waiting = lines.stream().filter(line -> line.startsWith("- waiting")).findFirst().orElse("- not waiting");
        return withoutPackages(frame) + ", " + withoutPackages(waiting.substring(2));
    }

    private static String withoutPackages(String text) {
        return text.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+(?=[A-Z])", "");
    }

    /** The class named by the "waiting on the Class initialization monitor for" line of a thread's jcmd section. */
    private static String waitingForInitializationOf(String threadSection) {
        String marker = "waiting on the Class initialization monitor for ";
        int at = threadSection.indexOf(marker);
        if (at < 0) {
            return "-";
        }
        int end = threadSection.indexOf('\n', at);
        String className = threadSection.substring(at + marker.length(), end < 0 ? threadSection.length() : end).strip();
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
