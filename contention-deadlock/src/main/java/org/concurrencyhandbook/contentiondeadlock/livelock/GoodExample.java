package org.concurrencyhandbook.contentiondeadlock.livelock;

/**
 * 2.2 Livelock — the fixed copy room: the same polite workers, one order for everyone.
 *
 * <p>Whatever a worker reaches for first, the room hands out the devices by rank: scanner, then printer. A worker that
 * holds the scanner can find the printer taken only by someone who holds the scanner — nobody — so the polite retry
 * never happens: every job completes at its first attempt, a bound that holds for every interleaving, not just for
 * the likely ones. (The retry stays: code that uses the printer alone can still make it busy for a moment.)
 *
 * <p>The other textbook fix, a random pause before retrying, breaks the step too, and is right where no order exists
 * (Ethernet, optimistic transactions) — but it finishes only with high probability, after a number of rounds nobody can
 * bound. When an order exists, use it.
 *
 * <p>Run it: {@code ./handbook 2.2}. It exits 0: every job done, each at its first attempt.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.2} printed:
 * <pre>
 * Two polite workers, 100 copy jobs each; a job needs the scanner and the printer.
 * All 200 jobs done in 45 ms, in 200 attempts: 0 refused.
 * </pre>
 */
public final class GoodExample implements CopyRoom {

    private final Attempt attempt;

    public GoodExample(Attempt attempt) {
        this.attempt = attempt;
    }

    @Override
    public int copy(Device first, Device second, Runnable job) {
        Device lower = first.rank() < second.rank() ? first : second;
        Device higher = first.rank() < second.rank() ? second : first;
        for (int attempts = 1; ; attempts++) {
            lower.lock().lock();
            try {
                attempt.holdingFirst();
                if (higher.lock().tryLock()) {
                    try {
                        job.run();
                        return attempts;
                    } finally {
                        higher.lock().unlock();
                    }
                }
                attempt.refused();
            } finally {
                lower.lock().unlock();
            }
            attempt.putBack();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
