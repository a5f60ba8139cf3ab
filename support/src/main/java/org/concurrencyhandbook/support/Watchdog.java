package org.concurrencyhandbook.support;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Watches a demo's threads and tells the demo when they have stalled, so that a bad example can print its
 * diagnosis and end by itself instead of hanging its reader's terminal or the build.
 *
 * <p>Two kinds of stall are recognised: a deadlock among the watched threads that the JVM can see
 * ({@link StallDetector}), and — for the stalls it cannot see, such as a livelock, a class-initialization
 * deadlock or a cycle of virtual threads — a progress counter that has not moved for a given quiet period.
 * The caller waits with {@link #awaitOutcome(Duration)}, which returns as soon as the threads finish or stall.
 *
 * <pre>{@code
 * Watchdog watchdog = Watchdog.watch(List.of(t1, t2)).onDeadlock().start();
 * Watchdog.Outcome outcome = watchdog.awaitOutcome(Duration.ofSeconds(5));
 * if (outcome.stalled()) { System.out.println(outcome.diagnosis()); Verdict.FAILURE_SHOWN.exit(); }
 * }</pre>
 */
public final class Watchdog {

    /**
     * How the watched threads ended up: all finished, stalled (with the diagnosis), or still running at the limit; for
     * a deadlock, the cycle the JVM reported.
     */
    public record Outcome(Kind kind, String diagnosis, Duration after, Optional<StallDetector.Deadlock> deadlock) {
        public enum Kind {
            FINISHED, DEADLOCK, NO_PROGRESS, STILL_RUNNING;

            /** For a sentence: "deadlock", "no progress", "finished", "still running". */
            public String inWords() {
                return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            }
        }

        public boolean stalled() {
            return kind == Kind.DEADLOCK || kind == Kind.NO_PROGRESS;
        }
    }

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration POLLER_EXIT = Duration.ofSeconds(5);

    private final List<Thread> watched;
    private boolean deadlocks;
    private LockNames names = LockNames.none();
    private LongSupplier progress;
    private Duration quiet;
    private volatile Outcome stall;
    private volatile Throwable pollerFailure;
    private final CountDownLatch stalled = new CountDownLatch(1);
    private Thread poller;
    private long started;

    private Watchdog(Collection<Thread> watched) {
        this.watched = List.copyOf(watched);
    }

    public static Watchdog watch(Collection<Thread> threads) {
        return new Watchdog(threads);
    }

    /** Report a stall when the JVM sees the watched threads in a deadlock (monitors or ownable synchronizers). */
    public Watchdog onDeadlock() {
        this.deadlocks = true;
        return this;
    }

    /** Report a stall when {@code progress} has not changed for {@code quiet} while a watched thread is alive. */
    public Watchdog onNoProgress(LongSupplier progress, Duration quiet) {
        this.progress = Objects.requireNonNull(progress);
        this.quiet = Objects.requireNonNull(quiet);
        return this;
    }

    /** Call the watched threads' locks by these names in the diagnosis. */
    public Watchdog naming(LockNames names) {
        this.names = Objects.requireNonNull(names);
        return this;
    }

    public Watchdog start() {
        started = System.nanoTime();
        poller = Thread.ofPlatform().daemon().name("watchdog").start(this::poll);
        return this;
    }

    /**
     * Waits until every watched thread has finished, a stall is seen, or {@code limit} has passed, whichever comes
     * first. The watchdog's own thread has ended when this returns.
     */
    public Outcome awaitOutcome(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            for (Thread thread : watched) {
                long left = deadline - System.nanoTime();
                while (thread.isAlive() && left > 0) {
                    if (stalled.await(Math.min(left, POLL.toNanos()), TimeUnit.NANOSECONDS)) {
                        return stallOrPollerFailure();
                    }
                    left = deadline - System.nanoTime();
                }
            }
            if (stall != null || pollerFailure != null) {
                return stallOrPollerFailure();
            }
            boolean allDone = watched.stream().noneMatch(Thread::isAlive);
            return allDone ? new Outcome(Outcome.Kind.FINISHED, "all watched threads finished", elapsed(), Optional.empty())
                           : new Outcome(Outcome.Kind.STILL_RUNNING,
                                   "still running after " + limit.toMillis() + " ms\n" + inWords(alive()), elapsed(),
                                   Optional.empty());
        } finally {
            // Joined, not only interrupted: a test that checks no thread outlives it must not find the watchdog.
            poller.interrupt();
            if (!poller.join(POLLER_EXIT)) {
                throw new IllegalStateException("the watchdog's poller did not end within " + POLLER_EXIT.toSeconds() + " s");
            }
        }
    }

    /** The stall seen — or, if the poller itself failed (a progress counter that threw), that failure. */
    private Outcome stallOrPollerFailure() {
        if (pollerFailure != null) {
            throw new IllegalStateException("the watchdog could not watch: " + pollerFailure, pollerFailure);
        }
        return stall;
    }

    private void poll() {
        try {
            watch();
        } catch (RuntimeException | Error failure) {
            pollerFailure = failure;
            stalled.countDown();
        }
    }

    private void watch() {
        long lastValue = progress == null ? 0 : progress.getAsLong();
        long lastChange = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted() && watched.stream().anyMatch(Thread::isAlive)) {
                if (deadlocks) {
                    Optional<StallDetector.Deadlock> deadlock = StallDetector.findDeadlock(watched, names);
                    if (deadlock.isPresent()) {
                        report(Outcome.Kind.DEADLOCK, deadlock.get().describeCycle()
                                + StallDetector.stacksOnRequest(alive(), names), deadlock);
                        return;
                    }
                }
                if (progress != null) {
                    long value = progress.getAsLong();
                    if (value != lastValue) {
                        lastValue = value;
                        lastChange = System.nanoTime();
                    } else if (System.nanoTime() - lastChange >= quiet.toNanos()) {
                        report(Outcome.Kind.NO_PROGRESS, "No progress for " + quiet.toMillis() + " ms (counter stuck at "
                                + value + ")\n" + inWords(alive()), Optional.empty());
                        return;
                    }
                }
                Thread.sleep(POLL);
            }
        } catch (InterruptedException stop) {
            // awaitOutcome returned: nothing left to watch for
        }
    }

    private void report(Outcome.Kind kind, String diagnosis, Optional<StallDetector.Deadlock> deadlock) {
        stall = new Outcome(kind, diagnosis, elapsed(), deadlock);
        stalled.countDown();
    }

    private String inWords(List<Thread> threads) {
        StringBuilder text = new StringBuilder();
        StallDetector.describe(threads, names).forEach(line -> text.append("  ").append(line).append('\n'));
        return text.append(StallDetector.stacksOnRequest(threads, names)).toString();
    }

    private List<Thread> alive() {
        return watched.stream().filter(Thread::isAlive).toList();
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
