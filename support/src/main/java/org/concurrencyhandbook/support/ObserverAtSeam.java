package org.concurrencyhandbook.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.ToLongFunction;

/**
 * Makes another thread look at shared state in the middle of an operation — the moment a real reader would have to be
 * unlucky to hit, made certain. The operation calls {@link #seamReached()} between its steps; that hands the observer
 * one look and waits until the look is done, or until the observer is blocked on a lock the operating thread holds
 * (which is how a correctly locked operation keeps it out — the look then happens after the operation). After each
 * operation, {@link #awaitLooks} waits for that look to finish, so every operation gets exactly one.
 *
 * <p>Every wait is bounded; the observer is a daemon thread. A scenario whose seam is never reached fails with a
 * message, it does not hang.
 */
public final class ObserverAtSeam {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final String name;
    private final int looks;
    private final Semaphore lookNow = new Semaphore(0);
    private final AtomicInteger looksDone = new AtomicInteger();
    private final Workers worker = new Workers();
    private volatile Thread observer;

    /** An observer, not yet started, that will look {@code looks} times. */
    public ObserverAtSeam(String name, int looks) {
        this.name = name;
        this.looks = looks;
    }

    /** Starts the observer; {@code look} is what it does each time it is handed a turn. */
    public void start(Runnable look) {
        observer = worker.add(name, () -> {
            for (int i = 0; i < looks; i++) {
                if (!tryAcquire(lookNow)) {
                    throw new IllegalStateException("no operation reached its seam within " + PATIENCE.toSeconds() + " s");
                }
                look.run();
                looksDone.incrementAndGet();
            }
        });
        worker.startAll();
    }

    /** Called by the operating thread at the seam: the observer looks now, or queues on a lock this thread holds. */
    public void seamReached() {
        int before = looksDone.get();
        lookNow.release();
        Await.arrivedOrBlockedByMe(List.of(observer), t -> looksDone.get() > before || worker.anyFailed(), PATIENCE);
    }

    /** Waits until the observer has finished {@code count} looks in all (or has failed). */
    public void awaitLooks(int count) {
        Await.arrivedOrBlockedByMe(List.of(observer), t -> looksDone.get() >= count || worker.anyFailed(), PATIENCE);
    }

    /** What the looks of {@link #lookAtEverySeam} saw: how many were made, how many saw something unexpected, the first. */
    public record Looks(int made, int off, long firstOff) {
    }

    /**
     * The whole story in one call: opens the subject with this observer's seam, makes {@code operations} operations
     * on it, each looked at once in its middle by {@code look} from another thread, and counts the looks that saw
     * anything but {@code expected} ({@code firstOff} is {@code expected} when none did). 1.5's and 3.1's audits of a
     * bank in the middle of its transfers are this.
     */
    public static <T> Looks lookAtEverySeam(String observer, int operations, Function<Runnable, T> openWithSeam,
                                            ToLongFunction<T> look, long expected, ObjIntConsumer<T> operation)
            throws InterruptedException {
        ObserverAtSeam watcher = new ObserverAtSeam(observer, operations);
        T subject = openWithSeam.apply(watcher::seamReached);
        AtomicInteger off = new AtomicInteger();
        AtomicLong firstOff = new AtomicLong(expected);
        watcher.start(() -> {
            long seen = look.applyAsLong(subject);
            if (seen != expected && off.getAndIncrement() == 0) {
                firstOff.set(seen);
            }
        });
        for (int i = 0; i < operations; i++) {
            operation.accept(subject, i);
            watcher.awaitLooks(i + 1);
        }
        return new Looks(watcher.finish(), off.get(), firstOff.get());
    }

    /** Joins the observer; rethrows what it threw. Returns the number of looks it made. */
    public int finish() throws InterruptedException {
        worker.awaitAll(PATIENCE);
        return looksDone.get();
    }

    private static boolean tryAcquire(Semaphore turn) {
        try {
            return turn.tryAcquire(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a seam", e);
        }
    }
}
