package org.concurrencyhandbook.contentiondeadlock.classinit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 2.6 Class-initialization deadlock — the fixed pair: the dependency between the initializers goes one way only.
 *
 * <p>{@code Currencies} no longer touches {@code ExchangeRates} while it is being initialized: the count of quoted
 * currencies is computed when it is asked for, by a method, long after both classes exist. {@code ExchangeRates} still
 * needs {@code Currencies}, and that is fine — a chain of initializers cannot deadlock, only a cycle can. A thread
 * that needs {@code Currencies} while another initializes it simply waits for it to finish.
 *
 * <p>The general rules: keep static initializers small and self-contained; compute what needs other classes lazily
 * (a method, or a holder class whose initialization happens on first call); never let a superclass's initializer
 * refer to a subclass.
 *
 * <p>Run it: {@code ./handbook 2.6}. It exits 0: both classes were initialized, by two threads at once.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.6} printed:
 * <pre>
 * Both classes initialized, by two threads at once: 4 currencies quoted, 4 exchange rates.
 * </pre>
 */
public final class GoodExample {

    private GoodExample() {
    }

    static final class Currencies {
        static final List<String> CODES;

        static {
            Scenario.bothClassesInitializing();
            CODES = List.of("EUR", "USD", "CHF", "JPY");
        }

        static int quoted() {
            return ExchangeRates.QUOTES.size();
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
        Scenario.demonstrate("GoodExample", Currencies::quoted, () -> ExchangeRates.QUOTES.size()).exit();
    }
}
