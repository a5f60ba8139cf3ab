package org.concurrencyhandbook.asyncpitfalls.fanout;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * 4.7 Unbounded fan-out into a scarce resource — a virtual thread per task, and nothing else.
 *
 * <p>Virtual threads remove the reason thread pools bounded concurrency: a blocked virtual thread costs almost
 * nothing, so every task gets one. But the pool's size was also, silently, a limit on everything its tasks called.
 * With it gone, two hundred tasks call a resource that serves ten at once — a database's connection limit, a partner's
 * rate limit — two hundred at once, and it turns most of them away.
 *
 * <p>Run it: {@code ./handbook 4.7}. It exits 4 (failure shown) because the resource rejected most calls.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.7} printed:
 * <pre>
 * 200 tasks, each preparing for 50 ms, then calling a resource that serves 10 at once.
 * Most callers the resource saw at once: 11; calls rejected: 190; tasks completed: 10.
 * Most tasks preparing at once: 200.
 * OVERRUN: nothing limited the callers — a virtual thread per task is a caller per task.
 * </pre>
 */
public final class BadExample implements Fanout {

    @Override
    public void runAll(List<Task> tasks) {
        try (ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Task task : tasks) {
                perTask.execute(() -> {
                    try {
                        task.prepare();
                        // Wrong: as many callers as tasks, against a resource that takes ten.
                        task.callResource();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
