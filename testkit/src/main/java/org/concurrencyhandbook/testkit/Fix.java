package org.concurrencyhandbook.testkit;

import java.util.List;
import java.util.NoSuchElementException;

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

    /**
     * The fix of that name among these lists — how a test-side {@code main} that runs one fix in a JVM of its own
     * (a monitor deadlock cannot be undone) finds the fix its test named on the command line.
     */
    @SafeVarargs
    public static <T> Fix<T> named(String name, List<Fix<T>>... lists) {
        for (List<Fix<T>> list : lists) {
            for (Fix<T> fix : list) {
                if (fix.name().equals(name)) {
                    return fix;
                }
            }
        }
        throw new NoSuchElementException("no fix named \"" + name + "\"");
    }

    /** The name, so that a parameterized test shows it. */
    @Override
    public String toString() {
        return name;
    }
}
