package org.concurrencyhandbook.syncstate.visibility;

/**
 * 1.7 Memory visibility — the fixed stop flag: {@code volatile}.
 *
 * <p>A volatile read is a synchronization action: every iteration really reads the field, and the write in
 * {@code stop()} happens-before every read that sees it. The compiler may not hoist it. The loop ends within
 * microseconds of {@code stop()}.
 *
 * <p>{@code AtomicBoolean} does the same. For threads you own, interruption is the standard stop signal
 * ({@code while (!Thread.currentThread().isInterrupted())}, which is also a volatile read), and it also wakes a thread
 * blocked in {@code sleep}, {@code wait} or a blocking queue — a flag cannot. {@code ExecutorService.shutdownNow()}
 * interrupts for you.
 *
 * <p>Run it: {@code ./handbook 1.7}. It exits 0: every worker stopped promptly.
 */
public final class GoodExample implements Spinner {

    private volatile boolean running = true;

    @Override
    public long spinUntilStopped() {
        long spins = 0;
        while (running) {
            spins++;
        }
        return spins;
    }

    @Override
    public void stop() {
        running = false;
    }

    public static void main(String[] args) throws InterruptedException {
        Stopping.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
