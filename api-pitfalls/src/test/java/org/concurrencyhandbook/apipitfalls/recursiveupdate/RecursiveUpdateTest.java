package org.concurrencyhandbook.apipitfalls.recursiveupdate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every memoizer: F(10), F(300), and F(200) asked by two threads at once, each of a fresh one, each
 * answer checked against a plain loop. The failure needs no race — the same answers on every run, one CPU included.
 * Judged by {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class RecursiveUpdateTest {

    static Stream<Fix<Supplier<Fibonacci>>> rightFixes() {
        return OtherMemoizers.RIGHT_FIXES.stream();
    }

    @Test
    void theRecursiveComputeIfAbsentPassesF10AndThrowsForF300(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.small().right()).as("small inputs hide it: %s", outcome.small()).isTrue();
        assertThat(outcome.large().thrown()).isEqualTo("IllegalStateException: Recursive update");
        Evidence.badShowed(reporter, "%s, but %s", outcome.small(), outcome.large());
    }

    @Test
    void retryingMeetsTheSameRecursiveUpdate(TestReporter reporter) throws Exception {
        Fix<Supplier<Fibonacci>> fix = OtherMemoizers.CATCH_AND_RETRY;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.large().thrown()).isEqualTo("IllegalStateException: Recursive update");
        Evidence.wrongFixCaught(reporter, fix, "%s, on each of three attempts in a row",
                outcome.large());
    }

    @Test
    void aPreSizedMapOnlyMovesTheThreshold(TestReporter reporter) throws Exception {
        Fix<Supplier<Fibonacci>> fix = OtherMemoizers.PRE_SIZED;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.small().right()).isTrue();
        assertThat(outcome.large().thrown()).isEqualTo("IllegalStateException: Recursive update");
        Evidence.wrongFixCaught(reporter, fix, "%s, but %s", outcome.small(), outcome.large());
    }

    @Test
    void aHashMapThrowsConcurrentModificationException(TestReporter reporter) throws Exception {
        Fix<Supplier<Fibonacci>> fix = OtherMemoizers.HASH_MAP;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.small().thrown()).isEqualTo("ConcurrentModificationException");
        Evidence.wrongFixCaught(reporter, fix, "%s — from F(3) on, HashMap sees its own function modify it",
                outcome.small());
    }

    @Test
    void computingOutsideTheFunctionAnswersEveryQuestion(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "%s; %s; %s", outcome.small(), outcome.large(), outcome.shared());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixAnswersEveryQuestion(Fix<Supplier<Fibonacci>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "%s; %s; %s", outcome.small(), outcome.large(), outcome.shared());
    }
}
