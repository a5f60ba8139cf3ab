package org.concurrencyhandbook.support;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Races two actors on fresh instances of a shared state, over and over, and counts what they saw — a JDK-only
 * miniature of jcstress for a {@code main} that must show a memory-model effect within seconds.
 *
 * <p>The effects it looks for last nanoseconds, so the two threads must hit the same instance at the same moment.
 * They work through a stride of instances in step: both spin (never park) until the stride is published, then run
 * their actor over it back to back. The thread calling {@link #run} is the first actor and the referee; one more
 * platform thread, a daemon, is the second actor. For the real tool, with its statistics and its
 * compiler-mode variations, use jcstress — the handbook's tests do.
 */
public final class TwoActorRace<S> {

    private static final int STRIDE = 1_024;

    /** What the race saw: how many trials, and how often each outcome {@code "r1, r2"} came up. */
    public record Tally(long trials, Map<String, Long> outcomes) {
        public long count(String outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }
    }

    private final Supplier<S> newState;
    private final ToIntFunction<S> first;
    private final ToIntFunction<S> second;

    private volatile long published;
    private volatile long finishedBySecond;
    private volatile boolean over;

    public TwoActorRace(Supplier<S> newState, ToIntFunction<S> first, ToIntFunction<S> second) {
        this.newState = newState;
        this.first = first;
        this.second = second;
    }

    /**
     * Races until {@code budget} has passed, or until an outcome matching {@code stopAt} has been seen (pass
     * {@code outcome -> false} to always use the whole budget).
     */
    public Tally run(Duration budget, Predicate<String> stopAt) throws InterruptedException {
        @SuppressWarnings("unchecked")
        S[] states = (S[]) new Object[STRIDE];
        int[] seenByFirst = new int[STRIDE];
        int[] seenBySecond = new int[STRIDE];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread secondActor = Thread.ofPlatform().daemon().name("second-actor").start(() -> {
            try {
                for (long stride = 1; awaitPublished(stride); stride++) {
                    for (int i = 0; i < STRIDE; i++) {
                        seenBySecond[i] = second.applyAsInt(states[i]);
                    }
                    finishedBySecond = stride;
                }
            } catch (Throwable e) {
                failure.set(e);
                over = true;
            }
        });
        Map<String, Long> outcomes = new TreeMap<>();
        long trials = 0;
        long deadline = System.nanoTime() + budget.toNanos();
        boolean stop = false;
        try {
            for (long stride = 1; !stop && !over && System.nanoTime() < deadline; stride++) {
                for (int i = 0; i < STRIDE; i++) {
                    states[i] = newState.get();
                }
                published = stride;
                for (int i = 0; i < STRIDE; i++) {
                    seenByFirst[i] = first.applyAsInt(states[i]);
                }
                while (finishedBySecond != stride) {
                    if (over) {
                        break;
                    }
                    Thread.onSpinWait();
                }
                for (int i = 0; i < STRIDE && !over; i++) {
                    String outcome = seenByFirst[i] + ", " + seenBySecond[i];
                    outcomes.merge(outcome, 1L, Long::sum);
                    stop |= stopAt.test(outcome);
                }
                trials += STRIDE;
            }
        } finally {
            over = true;
            secondActor.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the second actor failed", failure.get());
        }
        return new Tally(trials, outcomes);
    }

    private boolean awaitPublished(long stride) {
        while (published != stride) {
            if (over) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }
}
