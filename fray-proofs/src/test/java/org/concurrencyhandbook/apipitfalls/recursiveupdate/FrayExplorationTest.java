package org.concurrencyhandbook.apipitfalls.recursiveupdate;

import java.math.BigInteger;
import java.util.ConcurrentModificationException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 3.13 under Fray: two callers ask one memoizer for F({@value #N}) at once. Both must get it. The bad memoizer throws
 * "Recursive update" in every order — one thread is enough for it — so Fray finds it in the first schedule, as any run
 * would; the fixes must hold when the two callers share the memo.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "3.13";
    private static final int N = 40;
    private static final BigInteger F_N = new BigInteger("102334155");

    static Stream<Fix<Supplier<Fibonacci>>> wrongFixes() {
        return Stream.of(OtherMemoizers.CATCH_AND_RETRY, OtherMemoizers.HASH_MAP);
    }

    static Stream<Fix<Supplier<Fibonacci>>> rightFixes() {
        return OtherMemoizers.RIGHT_FIXES.stream();
    }

    private static Runnable twoCallers(Supplier<Fibonacci> memoizers) {
        return () -> {
            Fibonacci fibonacci = memoizers.get();
            Runnable caller = () -> {
                BigInteger answer;
                try {
                    answer = fibonacci.of(N);
                } catch (IllegalStateException | ConcurrentModificationException e) {
                    throw new AssertionError("F(" + N + ") threw " + e, e);
                }
                if (!answer.equals(F_N)) {
                    throw new AssertionError("F(" + N + ") = " + answer);
                }
            };
            Actors.runTogether(caller, caller);
        };
    }

    @Test
    void frayFindsTheRecursiveUpdate(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, twoCallers(BadExample::new), "computeIfAbsent throwing \"Recursive"
                + " update\", in every order");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Supplier<Fibonacci>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, twoCallers(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, twoCallers(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Supplier<Fibonacci>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, twoCallers(fix.make()));
    }
}
