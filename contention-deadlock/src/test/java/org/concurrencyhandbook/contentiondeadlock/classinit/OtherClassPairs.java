package org.concurrencyhandbook.contentiondeadlock.classinit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The other pairs of classes {@link ClassInitDeadlockTest} runs through 2.6's scenario: wrong fixes readers try, which
 * must still deadlock, and another fix, which must initialize from two threads at once. A class is initialized once
 * per JVM and a thread stuck in an initializer can never be released, so each pair runs in a JVM of its own:
 * {@link #main} takes the pair's name.
 */
final class OtherClassPairs {

    static final String FORCED_ORDER = "Class.forName the other class first";
    static final String VOLATILE_STATICS = "volatile static fields";
    static final String LAZY_HOLDER = "the count in a lazy holder class";

    static final List<String> WRONG_FIXES = List.of(FORCED_ORDER, VOLATILE_STATICS);
    static final List<String> RIGHT_FIXES = List.of(LAZY_HOLDER);

    private OtherClassPairs() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case FORCED_ORDER -> Scenario.demonstrate(FORCED_ORDER, () -> ForcedOrder.Currencies.QUOTED,
                    () -> ForcedOrder.ExchangeRates.QUOTES.size()).exit();
            case VOLATILE_STATICS -> Scenario.demonstrate(VOLATILE_STATICS, () -> VolatileStatics.Currencies.quoted,
                    () -> VolatileStatics.ExchangeRates.quotes.size()).exit();
            case LAZY_HOLDER -> Scenario.demonstrate(LAZY_HOLDER, LazyHolder.Currencies::quoted,
                    () -> LazyHolder.ExchangeRates.QUOTES.size()).exit();
            default -> throw new IllegalArgumentException("no pair named " + args[0]);
        }
    }

    /**
     * Tempts because "initialize ExchangeRates first" sounds like an order; but forcing its initialization from inside
     * Currencies' initializer is the same cycle, entered a few lines earlier.
     */
    static final class ForcedOrder {
        static final class Currencies {
            static final List<String> CODES;
            static final int QUOTED;

            static {
                Scenario.bothClassesInitializing();
                try {
                    Class.forName(ExchangeRates.class.getName());
                } catch (ClassNotFoundException e) {
                    throw new ExceptionInInitializerError(e);
                }
                CODES = List.of("EUR", "USD", "CHF", "JPY");
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
    }

    /**
     * Tempts because it reads like a visibility problem between two threads; it is not — the JVM's initialization lock
     * already makes statics visible, and the cycle between the two initializers is untouched.
     */
    static final class VolatileStatics {
        static final class Currencies {
            static volatile List<String> codes;
            static volatile int quoted;

            static {
                Scenario.bothClassesInitializing();
                codes = List.of("EUR", "USD", "CHF", "JPY");
                quoted = ExchangeRates.quotes.size();
            }
        }

        static final class ExchangeRates {
            static volatile Map<String, Double> quotes;

            static {
                Scenario.bothClassesInitializing();
                quotes = Currencies.codes.stream().collect(Collectors.toMap(code -> code, code -> 1.0));
            }
        }
    }

    /**
     * Holds because the count moves into a holder class initialized on first call, after both classes exist: Currencies'
     * initializer no longer needs ExchangeRates, so the two form a chain, not a cycle.
     */
    static final class LazyHolder {
        static final class Currencies {
            static final List<String> CODES;

            static {
                Scenario.bothClassesInitializing();
                CODES = List.of("EUR", "USD", "CHF", "JPY");
            }

            static int quoted() {
                return Quoted.COUNT;
            }

            private static final class Quoted {
                static final int COUNT = ExchangeRates.QUOTES.size();
            }
        }

        static final class ExchangeRates {
            static final Map<String, Double> QUOTES;

            static {
                Scenario.bothClassesInitializing();
                QUOTES = Currencies.CODES.stream().collect(Collectors.toMap(code -> code, code -> 1.0));
            }
        }
    }
}
