package org.concurrencyhandbook.contentiondeadlock.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;

/** The jobs 2.9's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherJobs {

    /** Well inside the scenario's two-second limit, so that a bounded wait shows as a return, not as a stuck worker. */
    private static final long PATIENCE_MILLIS = 500;

    private OtherJobs() {
    }

    /**
     * Wrong: a {@code Phaser} instead of the barrier, but a failed worker simply leaves. It tempts because the Phaser
     * is the famous fix; it fails because the Phaser, like the barrier, counts on every registered party until it
     * deregisters.
     */
    static final class PhaserWithoutDeregistering implements ShardedJob {
        private final Phaser allProcessed;

        PhaserWithoutDeregistering(int workers) {
            this.allProcessed = new Phaser(workers);
        }

        @Override
        public void work(int shard, Shard task) throws Exception {
            task.process(shard);
            allProcessed.awaitAdvanceInterruptibly(allProcessed.arrive());
            task.merge(shard);
        }
    }

    /**
     * Wrong: the {@code Phaser} left in {@code catch (Exception)}. It holds while shards fail with exceptions; a shard
     * that fails with an {@code Error} skips the catch, never deregisters, and the others wait out their whole patience.
     */
    static final class PhaserLeftOnlyOnAnException implements ShardedJob {
        private static final long PATIENCE_SECONDS = 10;
        private final Phaser allProcessed;

        PhaserLeftOnlyOnAnException(int workers) {
            this.allProcessed = new Phaser(workers);
        }

        @Override
        public void work(int shard, Shard task) throws Exception {
            try {
                task.process(shard);
            } catch (Exception failed) {
                allProcessed.arriveAndDeregister();
                throw failed;
            }
            allProcessed.awaitAdvanceInterruptibly(allProcessed.arrive(), PATIENCE_SECONDS, TimeUnit.SECONDS);
            task.merge(shard);
        }
    }

    /**
     * Wrong: a {@code CountDownLatch} counted down after the work. It tempts because a latch "cannot break"; it fails
     * because a worker that throws never counts down, and {@code await()} waits for it for ever.
     */
    static final class LatchCountedDownAfterTheWork implements ShardedJob {
        private final CountDownLatch allProcessed;

        LatchCountedDownAfterTheWork(int workers) {
            this.allProcessed = new CountDownLatch(workers);
        }

        @Override
        public void work(int shard, Shard task) throws Exception {
            task.process(shard);
            allProcessed.countDown();
            allProcessed.await();
            task.merge(shard);
        }
    }

    /**
     * Right: the {@code CyclicBarrier} kept, awaited with a time-out. The first worker to time out breaks the barrier
     * for all of them ({@code BrokenBarrierException}): nobody merges, every worker returns, and the job fails as a
     * whole — the right policy when the merge needs every shard.
     */
    static final class BarrierWithTimeout implements ShardedJob {
        private final CyclicBarrier allProcessed;

        BarrierWithTimeout(int workers) {
            this.allProcessed = new CyclicBarrier(workers);
        }

        @Override
        public void work(int shard, Shard task) throws Exception {
            task.process(shard);
            try {
                allProcessed.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (BrokenBarrierException brokenByAnotherParty) {
                throw new IllegalStateException("shard " + shard + ": another worker never arrived", brokenByAnotherParty);
            }
            task.merge(shard);
        }
    }

    /**
     * Right: a {@code CountDownLatch} counted down in {@code finally}, so a failed worker still arrives, and awaited with
     * a time-out.
     */
    static final class LatchCountedDownInFinally implements ShardedJob {
        private final CountDownLatch allProcessed;

        LatchCountedDownInFinally(int workers) {
            this.allProcessed = new CountDownLatch(workers);
        }

        @Override
        public void work(int shard, Shard task) throws Exception {
            try {
                task.process(shard);
            } finally {
                allProcessed.countDown();
            }
            if (!allProcessed.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("shard " + shard + ": the others never finished");
            }
            task.merge(shard);
        }
    }
}
