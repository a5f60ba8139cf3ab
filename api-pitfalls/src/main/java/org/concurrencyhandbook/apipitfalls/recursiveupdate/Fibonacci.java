package org.concurrencyhandbook.apipitfalls.recursiveupdate;

import java.math.BigInteger;

/** Fibonacci numbers, memoized so that each is computed once. Both examples implement it; any thread may call it. */
public interface Fibonacci {

    /** F(n): F(0) = 0, F(1) = 1, F(n) = F(n - 1) + F(n - 2). */
    BigInteger of(int n);
}
