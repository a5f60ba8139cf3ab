package org.concurrencyhandbook.apipitfalls.busywait;

import java.util.concurrent.CountDownLatch;

/**
 * 3.5 Busy waiting — a {@code CountDownLatch}: the waiter sleeps until it is woken.
 *
 * <p>{@code await()} parks the thread: it leaves the CPU and the scheduler does not run it again until
 * {@code countDown()} unparks it. The wait costs no CPU, and the wake-up comes with the signal, not at the next look.
 * The latch also carries the happens-before edge the {@code volatile} flag carried (what the signaller wrote before
 * {@code countDown()} is visible after {@code await()}).
 *
 * <p>The same fix, other ways: {@code LockSupport.park}/{@code unpark} (what the latch does inside), a
 * {@code Condition} with a {@code while} loop around {@code await()} (3.8), a {@code CompletableFuture}. Where the
 * wait is known to be shorter than a trip through the scheduler — microseconds, in lock-free code — spin briefly with
 * {@code Thread.onSpinWait()}, then park; {@code BusyWaitTest} runs that too.
 *
 * <p>Run it: {@code ./handbook 3.5}. It exits 0 because the waiter stopped to wait about once per wait — it slept
 * until it was woken — and so used almost no CPU.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.5} printed:
 * <pre>
 * A waiter waited 20 times for a signal sent 20 ms after it began to wait.
 * It stopped to wait (parked, slept) 20 times in all: 1.0 per wait.
 * It was on a CPU for 0 % of its waiting (1 of 406 ms of CPU time).
 * It woke up 0.102 ms after the signal (median); a waiter parked on a CountDownLatch, in the same rounds: 0.117 ms (0.9×).
 * The waiter slept until it was woken, and used almost no CPU.
 * </pre>
 */
public final class GoodExample implements Handoff {

    private final CountDownLatch ready = new CountDownLatch(1);

    @Override
    public void signal() {
        ready.countDown();
    }

    @Override
    public void awaitSignal() throws InterruptedException {
        ready.await();
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
