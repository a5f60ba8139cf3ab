package org.concurrencyhandbook.contentiondeadlock.barrier;

import java.util.concurrent.CyclicBarrier;

/**
 * 2.9 A barrier that never trips — the broken job: a {@link CyclicBarrier} for all workers, awaited without a time-out.
 *
 * <p>The barrier trips when its last party arrives. A worker whose shard fails throws before it gets there, and nobody
 * tells the barrier: it keeps waiting for a party that will never come, and so does every worker that did arrive.
 * {@code await()} without a time-out waits for ever; the job never ends, and the workers that wait never learn why —
 * the failure stays with the failed worker's thread.
 *
 * <p>Run it: {@code ./handbook 2.9}. It finds the workers still waiting after two seconds, prints them, releases them by
 * interrupting them, and exits 4 (failure shown).
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.9} printed:
 * <pre>
 * 3 workers processed 3 shards and met before merging; shard 2's input was corrupt.
 * Failed: {2=java.lang.IllegalStateException: shard 2: corrupt input}
 * Stuck: 2 of 3 workers [worker-1, worker-3] still waiting after 2000 ms for a party that failed before arriving, and will wait for ever:
 *   "worker-1" waits in CyclicBarrier.await, at BadExample.work (BadExample.java:39)
 *   "worker-3" waits in CyclicBarrier.await, at BadExample.work (BadExample.java:39)
 * (Full stacks: add --thread-dump to ./handbook, or -Dhandbook.threadDump=true to java.)
 * (released by interrupting them, so that the demo can end)
 * </pre>
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
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
