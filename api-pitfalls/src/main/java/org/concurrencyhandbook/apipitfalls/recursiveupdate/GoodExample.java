package org.concurrencyhandbook.apipitfalls.recursiveupdate;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 3.13 {@code computeIfAbsent} that updates its own map — compute outside the map's function, then publish.
 *
 * <p>Look the value up; if it is missing, compute it — recursing freely, since no mapping function of the map is
 * running — and publish it with {@code putIfAbsent}, keeping whichever value got there first. Two threads may compute
 * the same F(n) at once; both get the same number, and the map keeps one. Where computing twice is too costly, keep a
 * future per key, created in {@code computeIfAbsent} and run outside it (the memoizer of 3.2);
 * {@code RecursiveUpdateTest} runs it beside this one.
 *
 * <p>Run it: {@code ./handbook 3.13}. It exits 0 because every number came out right, on one thread and on two.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.13} printed:
 * <pre>
 * Asked of a fresh memoizer each: F(10) = 55; F(300) = 222232…600 (63 digits); and, by 2 threads at once, F(200) = 280571…525 (42 digits) (caller-1), F(200) = 280571…525 (42 digits) (caller-2).
 * Every number right, on one thread and on two.
 * </pre>
 */
public final class GoodExample implements Fibonacci {

    private final Map<Integer, BigInteger> memo = new ConcurrentHashMap<>();

    @Override
    public BigInteger of(int n) {
        if (n < 2) {
            return BigInteger.valueOf(n);
        }
        BigInteger known = memo.get(n);
        if (known != null) {
            return known;
        }
        BigInteger computed = of(n - 1).add(of(n - 2));
        BigInteger first = memo.putIfAbsent(n, computed);
        return first != null ? first : computed;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
