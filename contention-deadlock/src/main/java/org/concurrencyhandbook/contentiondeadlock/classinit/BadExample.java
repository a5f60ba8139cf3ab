package org.concurrencyhandbook.contentiondeadlock.classinit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 2.6 Class-initialization deadlock — the broken pair: two classes whose static initializers need each other.
 *
 * <p>The JVM initializes a class once, under a per-class initialization lock, the first time it is used. Here
 * {@code Currencies.<clinit>} needs {@code ExchangeRates} (to count the quoted currencies) and
 * {@code ExchangeRates.<clinit>} needs {@code Currencies} (to list them). Used from one thread, that merely works in
 * some order. Used for the first time from two threads at once — one touching each class — each thread holds one
 * class's initialization and waits for the other's: a deadlock on locks that are not Java objects.
 *
 * <p>The tools built for deadlocks miss it: {@code ThreadMXBean.findDeadlockedThreads()} returns nothing, both threads
 * report state RUNNABLE, and {@code jcmd Thread.print} finds no deadlock — only each thread's own lines tell:
 * "in Object.wait()" and "waiting on the Class initialization monitor for …".
 *
 * <p>Run it: {@code ./handbook 2.6}. It detects that neither thread finished, prints what ThreadMXBean and jcmd say, and
 * exits 4 (failure shown); the stuck threads are daemons.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.6} printed:
 * <pre>
 * STUCK: 3 s after their first use, neither class has finished initializing.
 * ThreadMXBean.findDeadlockedThreads(): no deadlock found
 * Thread.getState(): "first use of Currencies" RUNNABLE, "first use of ExchangeRates" RUNNABLE
 * jcmd 9870 Thread.print — deadlock report: none
 * ...but it shows where each thread waits, and for which class:
 *   "first use of Currencies" at BadExample$Currencies.&lt;clinit&gt;(BadExample.java:48), waiting on the Class initialization monitor for BadExample$ExchangeRates
 *   "first use of ExchangeRates" at BadExample$ExchangeRates.&lt;clinit&gt;(BadExample.java:57), waiting on the Class initialization monitor for BadExample$Currencies
 * (Full stacks: add --thread-dump to ./handbook, or -Dhandbook.threadDump=true to java.)
 * </pre>
 */
public final class BadExample {

    private BadExample() {
    }

    static final class Currencies {
        static final List<String> CODES;
        static final int QUOTED;

        static {
            Scenario.bothClassesInitializing();
            CODES = List.of("EUR", "USD", "CHF", "JPY");
            // Wrong: this initializer needs ExchangeRates, whose initializer needs this class.
            QUOTED = ExchangeRates.QUOTES.size();
        }
    }

    static final class ExchangeRates {
        static final Map<String, Double> QUOTES;

        static {
            Scenario.bothClassesInitializing();
            QUOTES = Currencies.CODES.stream().collect(Collectors.toMap(code -> code, code -> 1.0));
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", () -> Currencies.QUOTED, () -> ExchangeRates.QUOTES.size()).exit();
    }
}
