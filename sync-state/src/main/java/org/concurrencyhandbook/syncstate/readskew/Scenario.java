package org.concurrencyhandbook.syncstate.readskew;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.concurrencyhandbook.support.ObserverAtSeam;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every band runs: a writer moves the band up 1,000 times, by 100 each time, keeping it 10 wide; a
 * reader reads it once per move and checks that what it read is a band the writer set — [100·i, 100·i + 10] for
 * some i. "floor <= ceiling" is not enough: a band written ceiling first is read as [100, 210], which satisfies it
 * and was never set.
 *
 * <p>The reader is not left to luck: at every move, when the writer reaches the middle of {@code moveTo}, an
 * {@link ObserverAtSeam} hands the reader its read and waits until the read is done — or until the reader is blocked
 * on a lock the writer holds, which is how a locked band keeps it out. A band whose update has no middle a reader can
 * enter cannot be seen in it.
 */
final class Scenario {

    static final int UPDATES = 1_000;
    private static final long WIDTH = 10;
    private static final long STEP = 100;

    private Scenario() {
    }

    /** What the reader saw: how many reads, how many were bands no writer set, and the first of them. */
    record Outcome(int reads, int neverSet, String firstNeverSet) {
        Verdict verdict() {
            return neverSet > 0 ? Verdict.FAILURE_SHOWN : Verdict.INVARIANT_HELD;
        }
    }

    @FunctionalInterface
    interface BandOn {
        PriceBand open(long floor, long ceiling, PriceBand.MidUpdate midUpdate);
    }

    static boolean wasSet(long[] band) {
        return band[0] % STEP == 0 && band[0] >= 0 && band[0] <= UPDATES * STEP && band[1] == band[0] + WIDTH;
    }

    static Outcome run(BandOn bandOn) throws InterruptedException {
        ObserverAtSeam reader = new ObserverAtSeam("reader", UPDATES);
        PriceBand band = bandOn.open(0, WIDTH, reader::seamReached);
        AtomicInteger neverSet = new AtomicInteger();
        AtomicReference<String> firstNeverSet = new AtomicReference<>();
        reader.start(() -> {
            long[] seen = band.read();
            if (!wasSet(seen)) {
                neverSet.incrementAndGet();
                firstNeverSet.compareAndSet(null, "[" + seen[0] + ", " + seen[1] + "]");
            }
        });
        for (int i = 1; i <= UPDATES; i++) {
            band.moveTo(i * STEP, i * STEP + WIDTH);
            reader.awaitLooks(i);
        }
        return new Outcome(reader.finish(), neverSet.get(), firstNeverSet.get());
    }

    static Verdict demonstrate(String example, BandOn bandOn) throws InterruptedException {
        Outcome outcome = run(bandOn);
        System.out.printf("1.4 Dirty read / read skew — %s%n", example);
        System.out.printf("A writer moved the price band up %,d times, from [0, 10] by 100 each time; a reader read it in"
                + " the middle of every move.%n", UPDATES);
        if (outcome.verdict() == Verdict.FAILURE_SHOWN) {
            System.out.printf("BANDS NEVER SET: %,d of %,d bands read were no band the writer set, e.g. %s.%n",
                    outcome.neverSet(), outcome.reads(), outcome.firstNeverSet());
        } else {
            System.out.printf("All %,d bands read were bands the writer had set.%n", outcome.reads());
        }
        return outcome.verdict();
    }
}
