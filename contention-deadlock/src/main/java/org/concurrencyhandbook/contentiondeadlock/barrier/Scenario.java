package org.concurrencyhandbook.contentiondeadlock.barrier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.concurrencyhandbook.support.LockNames;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario both examples run: three workers process three shards and meet before merging; shard 2's input is
 * corrupt, so its worker fails while processing — before the meeting point. The job gets two seconds; any worker still
 * running then is shown and released by interruption, so that no thread outlives the scenario.
 *
 * <p>The failure is an exception, as corrupt input usually is; the test also fails the shard with an {@code Error}
 * (a failed assertion), which slips past a {@code catch (Exception)}.
 */
final class Scenario {

    static final int WORKERS = 3;
    static final int FAILING_SHARD = 2;
    private static final Duration LIMIT = Duration.ofSeconds(2);

    private Scenario() {
    }

    /**
     * Which workers merged, which failed (and why), and which were still waiting at the limit. The invariant: every
     * worker returns, and the corrupt shard's failure is reported. Whether the others merge is the job's policy —
     * merge what succeeded (a {@code Phaser} the failed worker leaves) or fail the whole job (a barrier that breaks).
     */
    record Outcome(List<Integer> merged, Map<Integer, String> failed, List<String> stillWaiting, List<String> waits,
                   String stacks) {
        Verdict verdict() {
            return stillWaiting.isEmpty() && failed.containsKey(FAILING_SHARD) ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    /** How the corrupt shard fails. */
    enum Failure {
        EXCEPTION, ERROR;

        RuntimeException orThrowError(int shard) {
            if (this == ERROR) {
                throw new AssertionError("shard " + shard + ": checksum mismatch");
            }
            return new IllegalStateException("shard " + shard + ": corrupt input");
        }
    }

    static Outcome run(IntFunction<ShardedJob> jobFor) throws InterruptedException {
        return run(jobFor, Failure.EXCEPTION);
    }

    static Outcome run(IntFunction<ShardedJob> jobFor, Failure failure) throws InterruptedException {
        ShardedJob job = jobFor.apply(WORKERS);
        List<Integer> merged = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<Integer, String> failed = new ConcurrentHashMap<>();
        ShardedJob.Shard task = new ShardedJob.Shard() {
            @Override
            public void process(int shard) {
                if (shard == FAILING_SHARD) {
                    throw failure.orThrowError(shard);
                }
            }

            @Override
            public void merge(int shard) {
                merged.add(shard);
            }
        };
        List<Thread> workers = new ArrayList<>();
        for (int shard = 1; shard <= WORKERS; shard++) {
            int mine = shard;
            workers.add(Thread.ofPlatform().daemon().name("worker-" + shard).start(() -> {
                try {
                    job.work(mine, task);
                } catch (Exception | Error e) {
                    failed.put(mine, e.toString());
                }
            }));
        }
        long deadline = System.nanoTime() + LIMIT.toNanos();
        for (Thread worker : workers) {
            worker.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        List<Thread> stuck = workers.stream().filter(Thread::isAlive).toList();
        Outcome atTheLimit = new Outcome(List.copyOf(merged), Map.copyOf(failed), stuck.stream().map(Thread::getName).toList(),
                StallDetector.describe(stuck, LockNames.none()),
                stuck.isEmpty() ? "" : StallDetector.stacksOnRequest(stuck, LockNames.none()));
        for (Thread worker : stuck) {
            worker.interrupt();
            if (!worker.join(LIMIT)) {
                throw new IllegalStateException(worker.getName() + " survived its interruption: the scenario cannot end");
            }
        }
        return atTheLimit;
    }

    static Verdict demonstrate(String example, IntFunction<ShardedJob> jobFor) throws InterruptedException {
        Outcome outcome = run(jobFor);
        System.out.printf("2.9 A barrier that never trips — %s%n", example);
        System.out.printf("%d workers processed %d shards and met before merging; shard %d's input was corrupt.%n",
                WORKERS, WORKERS, FAILING_SHARD);
        System.out.printf("Failed: %s%n", outcome.failed());
        if (!outcome.stillWaiting().isEmpty()) {
            System.out.printf("Stuck: %d of %d workers %s still waiting after %d ms for a party that failed before"
                    + " arriving, and will wait for ever:%n", outcome.stillWaiting().size(), WORKERS, outcome.stillWaiting(),
                    LIMIT.toMillis());
            outcome.waits().forEach(line -> System.out.println("  " + line));
            System.out.print(outcome.stacks());
            System.out.println("(released by interrupting them, so that the demo can end)");
        } else if (outcome.verdict() == Verdict.FAILURE_SHOWN) {
            System.out.printf("Lost: every worker returned, but shard %d's failure was reported by nobody.%n", FAILING_SHARD);
        } else {
            System.out.printf("Every worker returned: shards %s merged, shard %d's failure reported.%n",
                    outcome.merged().stream().sorted().toList(), FAILING_SHARD);
        }
        return outcome.verdict();
    }
}
