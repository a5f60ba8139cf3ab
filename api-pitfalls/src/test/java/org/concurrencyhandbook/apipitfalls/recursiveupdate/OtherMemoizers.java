package org.concurrencyhandbook.apipitfalls.recursiveupdate;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.concurrencyhandbook.testkit.Fix;

/** The memoizers 3.13's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherMemoizers {

    static final Fix<Supplier<Fibonacci>> CATCH_AND_RETRY = Fix.of("catch IllegalStateException, retry", CatchAndRetry::new);
    static final Fix<Supplier<Fibonacci>> HASH_MAP = Fix.of("a HashMap instead", OnAHashMap::new);
    static final Fix<Supplier<Fibonacci>> PRE_SIZED = Fix.of("new ConcurrentHashMap<>(128), never resized in a small test",
            PreSized::new);
    static final List<Fix<Supplier<Fibonacci>>> RIGHT_FIXES = List.of(
            Fix.of("a future per key, run outside computeIfAbsent", FuturePerKey::new));

    private OtherMemoizers() {
    }

    /**
     * The exception looks transient, so try the call again. But a failed attempt leaves nothing behind — every nested
     * computation ran inside the outer one, and all of them unwind — so each attempt meets the same resize at the
     * same depth. (Retrying at every level instead multiplies the attempts level by level: F(50) ran past the test's 60 s.)
     */
    private static final class CatchAndRetry implements Fibonacci {
        private static final int ATTEMPTS = 3;
        private final Map<Integer, BigInteger> memo = new ConcurrentHashMap<>();

        @Override
        public BigInteger of(int n) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return compute(n);
                } catch (IllegalStateException recursiveUpdate) {
                    if (attempt == ATTEMPTS) {
                        throw recursiveUpdate;
                    }
                }
            }
        }

        private BigInteger compute(int n) {
            if (n < 2) {
                return BigInteger.valueOf(n);
            }
            return memo.computeIfAbsent(n, k -> compute(k - 1).add(compute(k - 2)));
        }
    }

    /**
     * The resize is what threw, so make the map big enough: F(2) to F(193) pass. The function still updates the map
     * it computes for; the map notices again once it must grow.
     */
    private static final class PreSized implements Fibonacci {
        private final Map<Integer, BigInteger> memo = new ConcurrentHashMap<>(128);

        @Override
        public BigInteger of(int n) {
            if (n < 2) {
                return BigInteger.valueOf(n);
            }
            return memo.computeIfAbsent(n, k -> of(k - 1).add(of(k - 2)));
        }
    }

    /** No concurrent map, no "Recursive update": {@code HashMap.computeIfAbsent} checks its own modifications. */
    private static final class OnAHashMap implements Fibonacci {
        private final Map<Integer, BigInteger> memo = new HashMap<>();

        @Override
        public synchronized BigInteger of(int n) {
            if (n < 2) {
                return BigInteger.valueOf(n);
            }
            return memo.computeIfAbsent(n, k -> of(k - 1).add(of(k - 2)));
        }
    }

    /**
     * {@code computeIfAbsent} only creates the key's future — a function that touches nothing else — and the caller
     * that created it runs it, outside the map. Each F(n) computed once, by whoever asked first; the others wait for
     * its future.
     */
    private static final class FuturePerKey implements Fibonacci {
        private final Map<Integer, Future<BigInteger>> memo = new ConcurrentHashMap<>();

        @Override
        public BigInteger of(int n) {
            if (n < 2) {
                return BigInteger.valueOf(n);
            }
            FutureTask<BigInteger> mine = new FutureTask<>(() -> of(n - 1).add(of(n - 2)));
            Future<BigInteger> future = memo.computeIfAbsent(n, k -> mine);
            if (future == mine) {
                mine.run();
            }
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for F(" + n + ")", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("F(" + n + ") failed", e.getCause());
            }
        }
    }
}
