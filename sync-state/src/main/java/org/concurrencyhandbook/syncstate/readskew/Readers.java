package org.concurrencyhandbook.syncstate.readskew;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scenario both examples run: a writer moves the band up 1,000 times, by 100 each time, keeping it 10 wide; a
 * reader checks {@code floor <= ceiling} on every band it reads.
 *
 * <p>The reader is not left to luck: at every update, when the writer reaches the middle of {@code moveTo}, the
 * scenario hands the reader one read and waits until it is done — the moment a real reader would have to be unlucky
 * to hit, made certain. A band whose update has no middle cannot be seen in it.
 */
final class Readers {

    static final int UPDATES = 1_000;
    private static final long WIDTH = 10;
    private static final long STEP = 100;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Readers() {
    }

    /** What the reader saw: how many reads, how many broke the invariant, and the first broken band. */
    record Outcome(int reads, int broken, String firstBroken) {
    }

    @FunctionalInterface
    interface BandOn {
        PriceBand open(long floor, long ceiling, PriceBand.MidUpdate midUpdate);
    }

    static Outcome run(BandOn bandOn) throws InterruptedException {
        SynchronousQueue<Boolean> readNow = new SynchronousQueue<>();
        SynchronousQueue<Boolean> readDone = new SynchronousQueue<>();
        PriceBand band = bandOn.open(0, WIDTH, () -> {
            give(readNow);
            take(readDone);
        });
        int[] counts = new int[2];
        AtomicReference<String> firstBroken = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = Thread.ofPlatform().daemon().name("reader").start(() -> {
            try {
                for (int i = 0; i < UPDATES; i++) {
                    take(readNow);
                    long[] seen = band.read();
                    counts[0]++;
                    if (seen[0] > seen[1]) {
                        counts[1]++;
                        firstBroken.compareAndSet(null, "[" + seen[0] + ", " + seen[1] + "]");
                    }
                    give(readDone);
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        });
        for (int i = 1; i <= UPDATES; i++) {
            band.moveTo(i * STEP, i * STEP + WIDTH);
        }
        if (!reader.join(PATIENCE)) {
            throw new IllegalStateException("the reader did not finish");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the reader failed", failure.get());
        }
        return new Outcome(counts[0], counts[1], firstBroken.get());
    }

    /** Hands a turn to the other thread; bounded, so that a broken scenario cannot hang. */
    private static void give(SynchronousQueue<Boolean> turn) {
        try {
            if (!turn.offer(true, PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the other thread never took its turn");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the other thread to hand over a turn; bounded likewise. */
    private static void take(SynchronousQueue<Boolean> turn) {
        try {
            if (turn.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS) == null) {
                throw new IllegalStateException("the other thread never handed over a turn");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int demonstrate(String example, BandOn bandOn) throws InterruptedException {
        Outcome outcome = run(bandOn);
        System.out.printf("1.4 Dirty read / read skew — %s%n", example);
        System.out.printf("A writer moved the price band up %,d times (always floor <= ceiling); a reader read it in the"
                + " middle of every move.%n", UPDATES);
        if (outcome.broken() > 0) {
            System.out.printf("BROKEN READS: %,d of %,d bands read had floor > ceiling, e.g. %s — a band no writer ever"
                    + " set.%n", outcome.broken(), outcome.reads(), outcome.firstBroken());
            return 1;
        }
        System.out.printf("All %,d bands read satisfied floor <= ceiling: each was one the writer had set.%n", outcome.reads());
        return 0;
    }
}
