package org.concurrencyhandbook.syncstate.visibility;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The other stop flags {@link VisibilityTest} runs through 1.7's scenario. A worker whose compiled loop no longer reads
 * its flag can never be stopped, so each runs in a JVM of its own: {@link #main} takes the flag's name.
 */
final class OtherSpinners {

    static final Map<String, Supplier<Spinner>> ALL = Map.of(
            "synchronized stop(), plain read", SynchronizedWriterOnly::new,
            "AtomicBoolean", AtomicFlag::new,
            "interrupt() and isInterrupted()", Interruption::new,
            "synchronized stop() and read", SynchronizedBoth::new);

    static final List<String> WRONG_FIXES = List.of("synchronized stop(), plain read");
    static final List<String> RIGHT_FIXES = List.of("AtomicBoolean", "interrupt() and isInterrupted()",
            "synchronized stop() and read");

    private OtherSpinners() {
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate(args[0], ALL.get(args[0])).exit();
    }

    /**
     * Tempts because "the write is synchronized, so it is published"; but a happens-before edge needs both ends — the
     * reader takes no lock, so its compiled loop may still read the field once, before the loop.
     */
    static final class SynchronizedWriterOnly implements Spinner {
        private boolean running = true;

        @Override
        public long spinUntilStopped() {
            long spins = 0;
            while (running) {
                spins++;
            }
            return spins;
        }

        @Override
        public synchronized void stop() {
            running = false;
        }
    }

    /** Holds because {@code AtomicBoolean.get()} is a volatile read, as in GoodExample. */
    static final class AtomicFlag implements Spinner {
        private final AtomicBoolean running = new AtomicBoolean(true);

        @Override
        public long spinUntilStopped() {
            long spins = 0;
            while (running.get()) {
                spins++;
            }
            return spins;
        }

        @Override
        public void stop() {
            running.set(false);
        }
    }

    /** Holds because the interrupt status is read afresh on every {@code isInterrupted()}; it also wakes a blocked thread. */
    static final class Interruption implements Spinner {
        private volatile Thread worker;

        @Override
        public long spinUntilStopped() {
            worker = Thread.currentThread();
            long spins = 0;
            while (!Thread.currentThread().isInterrupted()) {
                spins++;
            }
            return spins;
        }

        @Override
        public void stop() {
            Thread spinning = worker;
            while (spinning == null) {
                Thread.onSpinWait();
                spinning = worker;
            }
            spinning.interrupt();
        }
    }

    /** Holds because unlocking in stop() happens-before the next lock of the same monitor in the loop's read. */
    static final class SynchronizedBoth implements Spinner {
        private boolean running = true;

        @Override
        public long spinUntilStopped() {
            long spins = 0;
            while (isRunning()) {
                spins++;
            }
            return spins;
        }

        private synchronized boolean isRunning() {
            return running;
        }

        @Override
        public synchronized void stop() {
            running = false;
        }
    }
}
