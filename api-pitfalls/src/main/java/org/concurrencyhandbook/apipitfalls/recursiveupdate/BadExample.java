package org.concurrencyhandbook.apipitfalls.recursiveupdate;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 3.13 {@code computeIfAbsent} that updates its own map — the one-line recursive memoizer.
 *
 * <p>{@code computeIfAbsent(n, …)} holds {@code n}'s place in the map while its function runs — that is how
 * {@code ConcurrentHashMap} promises to run it at most once per key — and the function computes F(n - 1) and
 * F(n - 2) by calling {@code computeIfAbsent} on the same map. The Javadoc forbids it: "The mapping function must not
 * modify this map during computation". Since JDK 9 the map notices when it can — a nested update in the bin
 * being computed, or a resize needed while the outer computation holds its place — and throws
 * {@code IllegalStateException: Recursive update}; JDK 8 could spin for ever instead (JDK-8062841). When it cannot
 * notice, nothing is thrown: F(10) comes out right, and a test that stops there passes.
 *
 * <p>Run it: {@code ./handbook 3.13}. It exits 4 (failure shown) because F(300) threw.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.13} printed:
 * <pre>
 * Asked of a fresh memoizer each: F(10) = 55; F(300) threw IllegalStateException: Recursive update; and, by 2 threads at once, F(200) threw IllegalStateException: Recursive update (caller-1), F(200) threw IllegalStateException: Recursive update (caller-2).
 * HIDDEN BY SMALL INPUTS: F(10) came out right — a test that asks only that passes — and F(300) did not.
 * RECURSIVE UPDATE: the function given to computeIfAbsent updated the same map; the map refused, where it noticed.
 * </pre>
 */
public final class BadExample implements Fibonacci {

    private final Map<Integer, BigInteger> memo = new ConcurrentHashMap<>();

    @Override
    public BigInteger of(int n) {
        if (n < 2) {
            return BigInteger.valueOf(n);
        }
        // Wrong: the function updates the map it is computing for.
        return memo.computeIfAbsent(n, k -> of(k - 1).add(of(k - 2)));
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
