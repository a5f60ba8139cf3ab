package org.concurrencyhandbook.contentiondeadlock.livelock;

/**
 * 2.2 Livelock — the broken copy room: polite workers that reach for the devices in their own order.
 *
 * <p>One worker takes the scanner first, the other the printer. Each then finds its second device taken, puts its
 * first one back, and tries again — at the same moment as the other, who did the same. Unlike a deadlock, nobody is
 * blocked: both threads are busy, attempts pile up by the thousand, and no copy is ever made. Politeness without an
 * asymmetry only moves the two threads in step; a fixed pause before retrying would not change that.
 *
 * <p>Run it: {@code ./handbook 2.2}. A progress watchdog sees no job complete for a second while the attempts keep
 * climbing; the demo prints both counts and exits 4 (failure shown).
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.2} printed:
 * <pre>
 * Two polite workers, 100 copy jobs each; a job needs the scanner and the printer.
 * Livelock (no progress) after 1059 ms: 0 of 200 jobs done, while the workers were refused 8,202 times (worker-1 4,101, worker-2 4,101) — busy, and getting nowhere.
 * ThreadMXBean.findDeadlockedThreads(): no deadlock found — nobody waits for a lock; both keep trying.
 * </pre>
 */
public final class BadExample implements CopyRoom {

    private final Attempt attempt;

    public BadExample(Attempt attempt) {
        this.attempt = attempt;
    }

    @Override
    public int copy(Device first, Device second, Runnable job) {
        // Wrong: each worker keeps its own order, so two of them can each hold what the other reaches for next.
        for (int attempts = 1; ; attempts++) {
            first.lock().lock();
            try {
                attempt.holdingFirst();
                if (second.lock().tryLock()) {
                    try {
                        job.run();
                        return attempts;
                    } finally {
                        second.lock().unlock();
                    }
                }
                attempt.refused();
            } finally {
                first.lock().unlock();
            }
            attempt.putBack();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
