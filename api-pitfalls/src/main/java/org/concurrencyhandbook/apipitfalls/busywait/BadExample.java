package org.concurrencyhandbook.apipitfalls.busywait;

/**
 * 3.5 Busy waiting — the waiter that spins on a flag.
 *
 * <p>The flag is {@code volatile}, so the waiter does see the signal (1.7); it sees it by checking, as fast as a core
 * can, for the whole wait. A wait of a second costs a second of CPU — a core taken from every other thread of the
 * machine, and, on a laptop or a cloud instance billed by CPU, battery and money. Nothing is wrong in the result; the
 * price is paid in CPU time, which the scenario measures.
 *
 * <p>Run it: {@code ./handbook 3.5}. It exits 4 (failure shown) because the waiter never once stopped to wait.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.5} printed:
 * <pre>
 * A waiter waited 20 times for a signal sent 20 ms after it began to wait.
 * It stopped to wait (parked, slept) 0 times in all: 0.0 per wait.
 * It was on a CPU for 100 % of its waiting (416 of 418 ms of CPU time).
 * It woke up 0.042 ms after the signal (median); a waiter parked on a CountDownLatch, in the same rounds: 0.110 ms (0.4×).
 * BUSY WAITING: the waiter never stopped to wait — it was on a CPU, or queued for one, the whole time.
 * </pre>
 */
public final class BadExample implements Handoff {

    private volatile boolean ready;

    @Override
    public void signal() {
        ready = true;
    }

    @Override
    public void awaitSignal() {
        // Wrong: checks the flag millions of times a second, on a CPU the whole time.
        while (!ready) {
            // nothing: check again
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
