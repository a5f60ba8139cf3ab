package org.concurrencyhandbook.contentiondeadlock.barrier;

import java.util.concurrent.CyclicBarrier;

/**
 * 2.9 A barrier that never trips — the broken job: a {@link CyclicBarrier} for all workers, awaited without a time-out.
 *
 * <p>The barrier trips when its last party arrives. A worker whose shard fails throws before it gets there, and nobody
 * tells the barrier: it keeps waiting for a party that will never come, and so does every worker that did arrive.
 * {@code await()} without a time-out waits for ever; the job never ends and never reports the failure, which is lost in
 * the failed worker's thread.
 *
 * <p>Run it: {@code ./handbook 2.9}. It finds the workers still waiting after two seconds, prints them, releases them by
 * interrupting them, and exits 4 (failure shown).
 */
public final class BadExample implements ShardedJob {

    private final CyclicBarrier allProcessed;

    public BadExample(int workers) {
        this.allProcessed = new CyclicBarrier(workers);
    }

    @Override
    public void work(int shard, Shard task) throws Exception {
        task.process(shard);
        // Wrong: a worker that failed above never arrives here, and await() waits for it for ever.
        allProcessed.await();
        task.merge(shard);
    }

    public static void main(String[] args) throws InterruptedException {
        Shards.demonstrate("BadExample", BadExample::new).exit();
    }
}
