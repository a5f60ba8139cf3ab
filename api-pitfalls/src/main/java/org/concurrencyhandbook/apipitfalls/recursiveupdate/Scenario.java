package org.concurrencyhandbook.apipitfalls.recursiveupdate;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario every memoizer runs, each call on a fresh one: F({@value #SMALL}) — what a unit test would try —,
 * F({@value #LARGE}), and F({@value #SHARED}) asked by two threads at once. Each answer is checked against F(n)
 * computed by a plain loop. No race is involved in the failure: the same answers on every run, one CPU included.
 * The invariant: every answer right, nothing thrown.
 */
final class Scenario {

    static final int SMALL = 10;
    static final int LARGE = 300;
    static final int SHARED = 200;
    static final int CALLERS = 2;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** One caller's question and what it got: the number, or what was thrown ("" if nothing). */
    record Answer(String caller, int n, BigInteger got, String thrown) {
        boolean right() {
            return thrown.isEmpty() && got.equals(loop(n));
        }

        @Override
        public String toString() {
            return "F(" + n + ") " + (thrown.isEmpty() ? "= " + inShort(got) + (right() ? "" : ", wrong: F(" + n
                    + ") is " + inShort(loop(n))) : "threw " + thrown) + (caller.isEmpty() ? "" : " (" + caller + ")");
        }

        private static String inShort(BigInteger number) {
            String digits = number.toString();
            return digits.length() <= 12 ? digits : digits.substring(0, 6) + "…" + digits.substring(digits.length() - 3)
                    + " (" + digits.length() + " digits)";
        }
    }

    record Outcome(Answer small, Answer large, List<Answer> shared) {
        Verdict verdict() {
            return small.right() && large.right() && shared.stream().allMatch(Answer::right)
                    ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Supplier<Fibonacci> opener) throws InterruptedException {
        Answer small = ask(opener.get(), SMALL, "");
        Answer large = ask(opener.get(), LARGE, "");
        Fibonacci shared = opener.get();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        Workers callers = new Workers();
        for (int c = 1; c <= CALLERS; c++) {
            String name = "caller-" + c;
            callers.add(name, () -> {
                Await.opened(go, PATIENCE, "the callers were never let go");
                answers.add(ask(shared, SHARED, name));
            });
        }
        callers.startAll();
        go.countDown();
        callers.awaitAll(PATIENCE);
        return new Outcome(small, large, answers.stream().sorted(Comparator.comparing(Answer::caller)).toList());
    }

    private static Answer ask(Fibonacci fibonacci, int n, String caller) {
        try {
            return new Answer(caller, n, fibonacci.of(n), "");
        } catch (RuntimeException failure) {
            return new Answer(caller, n, BigInteger.ZERO, failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
        }
    }

    /** F(n) by a plain loop, the answer every memoizer is checked against. */
    static BigInteger loop(int n) {
        BigInteger previous = BigInteger.ZERO;
        BigInteger current = BigInteger.valueOf(Math.min(n, 1));
        for (int i = 2; i <= n; i++) {
            BigInteger next = previous.add(current);
            previous = current;
            current = next;
        }
        return current;
    }

    static Verdict demonstrate(String example, Supplier<Fibonacci> opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("3.13 computeIfAbsent that updates its own map — %s%n", example);
        System.out.printf("Asked of a fresh memoizer each: %s; %s; and, by %d threads at once, %s.%n", outcome.small(),
                outcome.large(), CALLERS, String.join(", ", outcome.shared().stream().map(Answer::toString).toList()));
        if (outcome.small().right() && !outcome.large().right()) {
            System.out.printf("HIDDEN BY SMALL INPUTS: F(%d) came out right — a test that asks only that passes —"
                    + " and F(%d) did not.%n", SMALL, LARGE);
        }
        if (outcome.verdict() == Verdict.FAILURE_SHOWN) {
            System.out.println("RECURSIVE UPDATE: the function given to computeIfAbsent updated the same map; the map"
                    + " refused, where it noticed.");
        } else {
            System.out.println("Every number right, on one thread and on two.");
        }
        return outcome.verdict();
    }
}
