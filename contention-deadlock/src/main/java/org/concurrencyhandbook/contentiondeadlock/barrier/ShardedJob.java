package org.concurrencyhandbook.contentiondeadlock.barrier;

/**
 * A job split into shards, one worker thread per shard: each worker processes its shard, then all meet, then each
 * merges. Both examples implement the worker's part.
 */
public interface ShardedJob {

    /** Worker {@code shard}'s whole part of the job; throws if its shard fails. */
    void work(int shard, Shard task) throws Exception;

    /** What a worker does with its shard, before and after the meeting point. */
    interface Shard {
        void process(int shard) throws Exception;

        void merge(int shard);
    }
}
