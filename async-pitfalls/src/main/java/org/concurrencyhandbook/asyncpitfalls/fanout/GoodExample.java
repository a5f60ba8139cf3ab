package org.concurrencyhandbook.asyncpitfalls.fanout;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * 4.7 Unbounded fan-out into a scarce resource — a virtual thread per task, and a {@code Semaphore} around the scarce
 * call.
 *
 * <p>The limit belongs to the resource, so it is put where the resource is called: a {@code Semaphore} with the
 * resource's ten permits. Every task still has its own virtual thread and prepares at once, all two hundred together;
 * only the call waits for a permit, and a virtual thread waiting for one costs almost nothing.
 *
 * <p>Run it: {@code ./handbook 4.7}. It exits 0 because the resource never saw more than ten callers, and the
 * preparations ran all at once.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.7} printed:
 * <pre>
 * 200 tasks, each preparing for 50 ms, then calling a resource that serves 10 at once.
 * Most callers the resource saw at once: 10; calls rejected: 0; tasks completed: 200.
 * Most tasks preparing at once: 200.
 * The resource never saw more than its limit, and everything else ran at once.
 * </pre>
 */
public final class GoodExample implements Fanout {

    private final Semaphore resourcePermits = new Semaphore(Scenario.RESOURCE_LIMIT);

    @Override
    public void runAll(List<Task> tasks) {
        try (ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Task task : tasks) {
                perTask.execute(() -> {
                    try {
                        task.prepare();
                        resourcePermits.acquire();
                        try {
                            task.callResource();
                        } finally {
                            resourcePermits.release();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
