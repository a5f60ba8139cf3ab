package org.concurrencyhandbook.testkit;

/**
 * One implementation a pitfall's test runs through its scenario besides BadExample and GoodExample: a tempting wrong
 * fix, which the test must catch, or another fix the GUIDE recommends, which must hold. The name says the mechanism
 * ({@code "volatile total"}, {@code "synchronized hit()"}); the class it makes carries the one-line why.
 *
 * @param <T> how the scenario takes an implementation: a constructor reference, a factory
 */
public record Fix<T>(String name, T make) {

    public static <T> Fix<T> of(String name, T make) {
        return new Fix<>(name, make);
    }

    /** The name, so that a parameterized test shows it. */
    @Override
    public String toString() {
        return name;
    }
}
