package org.concurrencyhandbook.contentiondeadlock.barrier;

import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;

/**
 * 2.9 A barrier that never trips — the fixed job: a {@link Phaser} that a failed worker leaves, and a bounded wait.
 *
 * <p>A worker whose shard fails — with an exception or an error — deregisters on its way out, in {@code finally}, so
 * the phaser stops counting on it and the others' meeting completes without it; the failure travels on to whoever
 * collects the workers' results. The wait itself has a time-out, ten seconds here, so even a worker that never
 * arrives and never deregisters (stuck, killed) cannot hold the others for ever — a bound the scenario, which gives
 * the job two seconds, never reaches: it is there for the failure no {@code finally} can cover.
 *
 * <p>With a {@code CyclicBarrier} the equivalent is {@code await(timeout, unit)}, plus handling
 * {@code BrokenBarrierException}: when one party times out or is interrupted the barrier breaks for all of them, which
 * is the right outcome when the merge needs every shard. A {@code CountDownLatch} needs its {@code countDown()} in a
 * {@code finally}.
 *
 * <p>Run it: {@code ./handbook 2.9}. It exits 0: every worker returned, and the failed shard was reported.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.9} printed:
 * <pre>
 * 3 workers processed 3 shards and met before merging; shard 2's input was corrupt.
 * Failed: {2=java.lang.IllegalStateException: shard 2: corrupt input}
 * Every worker returned: shards [1, 3] merged, shard 2's failure reported.
 * </pre>
 */
public final class GoodExample implements ShardedJob {

    private static final long PATIENCE_SECONDS = 10;

    private final Phaser allProcessed;

    public GoodExample(int workers) {
        this.allProcessed = new Phaser(workers);
    }

    @Override
    public void work(int shard, Shard task) throws Exception {
        boolean processed = false;
        try {
            task.process(shard);
            processed = true;
        } finally {
            // In finally, not in catch (Exception): an Error (a failed assertion, OutOfMemoryError) must leave too.
            if (!processed) {
                allProcessed.arriveAndDeregister();
            }
        }
        allProcessed.awaitAdvanceInterruptibly(allProcessed.arrive(), PATIENCE_SECONDS, TimeUnit.SECONDS);
        task.merge(shard);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
