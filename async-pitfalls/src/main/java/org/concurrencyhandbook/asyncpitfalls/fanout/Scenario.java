package org.concurrencyhandbook.asyncpitfalls.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every fan-out runs: {@value #TASKS} tasks; each prepares for {@code PREPARE} (50 ms, blocking, its own
 * business) and then calls a resource that serves {@value #RESOURCE_LIMIT} callers at once for {@code CALL} (10 ms)
 * each and rejects any caller beyond them. The scenario counts the rejections, the most callers the resource saw at
 * once, the most tasks preparing at once, and the tasks that completed. The invariant: no rejection, every task
 * completed — and more tasks preparing at once than the resource's limit: the limit is the resource's, not the
 * tasks'. Two hundred virtual threads each sleeping 50 ms overlap by the hundred on any machine, so the count is far
 * from the limit either way.
 */
final class Scenario {

    static final int TASKS = 200;
    static final int RESOURCE_LIMIT = 10;
    static final Duration PREPARE = Duration.ofMillis(50);
    static final Duration CALL = Duration.ofMillis(10);

    private Scenario() {
    }

    record Outcome(int rejected, int resourcePeak, int preparingPeak, int completed) {
        Verdict verdict() {
            return rejected == 0 && completed == TASKS && preparingPeak > RESOURCE_LIMIT
                    ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Supplier<Fanout> opener) throws InterruptedException {
        AtomicInteger preparing = new AtomicInteger();
        AtomicInteger preparingPeak = new AtomicInteger();
        AtomicInteger calling = new AtomicInteger();
        AtomicInteger resourcePeak = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        List<Fanout.Task> tasks = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            tasks.add(new Fanout.Task() {
                @Override
                public void prepare() throws InterruptedException {
                    preparingPeak.accumulateAndGet(preparing.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(PREPARE);
                    } finally {
                        preparing.decrementAndGet();
                    }
                }

                @Override
                public void callResource() throws InterruptedException {
                    int callers = calling.incrementAndGet();
                    try {
                        resourcePeak.accumulateAndGet(callers, Math::max);
                        if (callers > RESOURCE_LIMIT) {
                            rejected.incrementAndGet();
                            return;
                        }
                        Thread.sleep(CALL);
                        completed.incrementAndGet();
                    } finally {
                        calling.decrementAndGet();
                    }
                }
            });
        }
        opener.get().runAll(tasks);
        return new Outcome(rejected.get(), resourcePeak.get(), preparingPeak.get(), completed.get());
    }

    static Verdict demonstrate(String example, Supplier<Fanout> opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("4.7 Pooling virtual threads; unbounded fan-out into a scarce resource — %s%n", example);
        System.out.printf("%d tasks, each preparing for %d ms, then calling a resource that serves %d at once.%n", TASKS,
                PREPARE.toMillis(), RESOURCE_LIMIT);
        System.out.printf("Most callers the resource saw at once: %d; calls rejected: %d; tasks completed: %d.%n",
                outcome.resourcePeak(), outcome.rejected(), outcome.completed());
        System.out.printf("Most tasks preparing at once: %d.%n", outcome.preparingPeak());
        if (outcome.rejected() > 0) {
            System.out.println("OVERRUN: nothing limited the callers — a virtual thread per task is a caller per task.");
        }
        if (outcome.preparingPeak() <= RESOURCE_LIMIT) {
            System.out.printf("THROTTLED: the resource's limit was put on the threads, so no more than %d tasks did"
                    + " anything at all at once.%n", outcome.preparingPeak());
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("The resource never saw more than its limit, and everything else ran at once.");
        }
        return outcome.verdict();
    }
}
