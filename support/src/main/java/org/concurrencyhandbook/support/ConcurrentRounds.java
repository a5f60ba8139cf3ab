package org.concurrencyhandbook.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * Runs rounds of threads against a fresh shared object and inspects it after each round — for the races that no latch
 * can force, because they happen inside one library call or one bytecode sequence ({@code HashMap.put},
 * {@code count++}). Each round starts every thread at once on a new object; after the threads end, {@code damage}
 * says what went wrong, if anything. {@link #untilDamage} stops at the first damage seen; {@link #all} runs every
 * round and reports the first damage, if any, to prove an invariant held throughout.
 *
 * <p>The threads are daemons and each round is bounded: a thread that never returns — a corrupted structure can
 * loop — is reported as damage, not waited for.
 */
public final class ConcurrentRounds<S> {

    /** What the rounds showed: how many ran, and the first damage seen (empty if none). */
    public record Verdict(int rounds, Optional<String> damage) {
    }

    private static final Duration ROUND_LIMIT = Duration.ofSeconds(10);

    private final int threads;
    private final Supplier<S> freshState;
    private final ObjIntConsumer<S> work;
    private final Function<S, Optional<String>> damage;

    /**
     * @param threads    how many threads share each round's object
     * @param freshState a new shared object for each round
     * @param work       what thread {@code i} (0-based) does to the object
     * @param damage     a description of what the round broke, or empty if the invariant held
     */
    public ConcurrentRounds(int threads, Supplier<S> freshState, ObjIntConsumer<S> work, Function<S, Optional<String>> damage) {
        this.threads = threads;
        this.freshState = freshState;
        this.work = work;
        this.damage = damage;
    }

    /** Runs up to {@code maxRounds} rounds, for at most {@code budget}, and stops at the first round with damage. */
    public Verdict untilDamage(int maxRounds, Duration budget) throws InterruptedException {
        return rounds(maxRounds, budget, true);
    }

    /** Runs all {@code rounds} rounds and reports the first damage seen, if any. */
    public Verdict all(int rounds) throws InterruptedException {
        return rounds(rounds, Duration.ofDays(1), false);
    }

    private Verdict rounds(int maxRounds, Duration budget, boolean stopAtDamage) throws InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        Optional<String> firstDamage = Optional.empty();
        int round = 0;
        while (round < maxRounds && System.nanoTime() < deadline) {
            round++;
            Optional<String> seen = oneRound();
            if (seen.isPresent() && firstDamage.isEmpty()) {
                firstDamage = Optional.of("round " + round + ": " + seen.get());
                if (stopAtDamage) {
                    break;
                }
            }
        }
        return new Verdict(round, firstDamage);
    }

    private Optional<String> oneRound() throws InterruptedException {
        S shared = freshState.get();
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            workers.add(Thread.ofPlatform().daemon().name("round-worker-" + i).start(() -> {
                try {
                    go.await();
                    work.accept(shared, index);
                } catch (Throwable e) {
                    thrown.compareAndSet(null, e);
                }
            }));
        }
        go.countDown();
        for (Thread worker : workers) {
            if (!worker.join(ROUND_LIMIT)) {
                return Optional.of(worker.getName() + " never returned: the shared object is corrupted (it loops)");
            }
        }
        if (thrown.get() != null) {
            return Optional.of("a thread threw " + thrown.get());
        }
        return damage.apply(shared);
    }
}
