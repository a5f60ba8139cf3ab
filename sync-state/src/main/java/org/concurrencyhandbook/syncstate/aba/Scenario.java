package org.concurrencyhandbook.syncstate.aba;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario every stack runs — the classic ABA schedule, forced: the stack holds A, B, C (A on top). A worker
 * starts to pop and stops just before its compare-and-set, having read "A, then B". Meanwhile the main thread pops A,
 * pops B and pushes X (into a recycled node). Then the worker's CAS runs. A stack that takes a lock around its pop
 * cannot be interleaved so: the main thread blocks on the worker's lock, and the worker goes on first.
 *
 * <p>The damage is computed, not asserted: every item pushed must end up popped exactly once or still on the stack
 * exactly once. Anything popped twice, or both popped and still stacked, was duplicated; anything in neither was lost.
 */
final class Scenario {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** Every item pushed, what the pops returned, what is left on the stack, and what that adds up to. */
    record Outcome(List<String> pushed, List<String> popped, List<String> left, List<String> duplicated, List<String> lost) {
        boolean corrupted() {
            return !duplicated.isEmpty() || !lost.isEmpty();
        }

        Verdict verdict() {
            return corrupted() ? Verdict.FAILURE_SHOWN : Verdict.INVARIANT_HELD;
        }
    }

    static Outcome run(Function<WorkStack.BeforeSwap, WorkStack> stackOn) throws InterruptedException {
        CountDownLatch workerAtTheSwap = new CountDownLatch(1);
        CountDownLatch othersDone = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        Thread other = Thread.currentThread();
        WorkStack stack = stackOn.apply(() -> {
            if (Thread.currentThread() == worker.get() && workerAtTheSwap.getCount() > 0) {
                workerAtTheSwap.countDown();
                // A stack that locks makes the other thread wait for the worker instead: then the worker goes on.
                Await.arrivedOrBlockedByMe(List.of(other), t -> othersDone.getCount() == 0, PATIENCE);
            }
        });
        List<String> pushed = new ArrayList<>(List.of("C", "B", "A", "X"));
        stack.push("C");
        stack.push("B");
        stack.push("A");

        List<String> popped = new ArrayList<>();
        AtomicReference<String> workerPopped = new AtomicReference<>();
        Workers workers = new Workers();
        worker.set(workers.add("worker", () -> workerPopped.set(stack.pop())));
        workers.startAll();
        Await.opened(workerAtTheSwap, PATIENCE, "the worker never reached its compare-and-set");
        popped.add(stack.pop());
        popped.add(stack.pop());
        stack.push("X");
        othersDone.countDown();
        workers.awaitAll(PATIENCE);
        popped.add(workerPopped.get());
        return account(pushed, popped, stack.contents());
    }

    private static Outcome account(List<String> pushed, List<String> popped, List<String> left) {
        Map<String, Integer> seen = new TreeMap<>();
        popped.forEach(item -> seen.merge(item, 1, Integer::sum));
        left.forEach(item -> seen.merge(item, 1, Integer::sum));
        List<String> duplicated = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        List<String> lost = pushed.stream().filter(item -> !seen.containsKey(item)).toList();
        return new Outcome(pushed, popped, left, duplicated, lost);
    }

    static Verdict demonstrate(String example, Function<WorkStack.BeforeSwap, WorkStack> stackOn) throws InterruptedException {
        Outcome outcome = run(stackOn);
        System.out.printf("1.11 ABA problem — %s%n", example);
        System.out.println("Stack [A, B, C]. A worker read \"top A, next B\" and paused before its CAS; meanwhile another"
                + " thread popped A, popped B and pushed X. Then the worker's CAS ran.");
        System.out.printf("Pushed %s; popped %s (the worker's pop last); left on the stack %s.%n",
                outcome.pushed(), outcome.popped(), outcome.left());
        if (outcome.verdict() == Verdict.FAILURE_SHOWN) {
            System.out.printf("CORRUPTED: duplicated %s, lost %s — the CAS saw node A on top again and took it for the"
                    + " stack it had read.%n", outcome.duplicated(), outcome.lost());
            return Verdict.FAILURE_SHOWN;
        }
        System.out.println("Every item was popped once or is still on the stack once: the stale CAS failed and the"
                + " worker retried.");
        return Verdict.INVARIANT_HELD;
    }
}
