package org.concurrencyhandbook.asyncpitfalls.fanout;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.concurrencyhandbook.testkit.Fix;

/** The fan-outs 4.7's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherFanouts {

    static final Fix<Supplier<Fanout>> POOLED_VIRTUAL_THREADS = Fix.of("newFixedThreadPool(10, virtual thread factory)",
            PooledVirtualThreads::new);

    private OtherFanouts() {
    }

    /** The old bound, kept: ten threads, virtual ones — the resource is safe, and so is everything else, from running. */
    private static final class PooledVirtualThreads implements Fanout {
        @Override
        public void runAll(List<Task> tasks) {
            try (ExecutorService ten = Executors.newFixedThreadPool(Scenario.RESOURCE_LIMIT, Thread.ofVirtual().factory())) {
                for (Task task : tasks) {
                    ten.execute(() -> {
                        try {
                            task.prepare();
                            task.callResource();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            }
        }
    }
}
