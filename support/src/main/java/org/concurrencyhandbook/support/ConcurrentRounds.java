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
 * says what the round broke, if anything.
 *
 * <p>A race can only show when the threads really run at the same time. On a loaded machine they often run one after
 * the other, or take turns on one core, and on one CPU they always do; a round like that proves nothing either way.
 * So every round measures its threads, and only a round in which each thread was on a CPU for at least
 * {@value #ON_CPU_NEEDED_PERCENT} % of its run (its CPU time against its wall time: never descheduled for long) and
 * the runs overlapped for at least half of the shortest one counts towards the rounds asked for. (Measured on this
 * 2-core machine, idle: of 202 such rounds of a {@code volatile} counter bumped by two threads, 197 lost increments;
 * of 51 rounds in which a thread was on a CPU for less than 90 % of its run, 22 did.) Every implementation gets the
 * same chance: rounds until that many have overlapped. The {@link Report} then gives one {@link Verdict}: a damaged
 * round ends the run — the failure is shown, nothing after it can undo that; enough overlapping rounds with no damage
 * is the invariant held; too few is inconclusive, with the reason.
 *
 * <p>Damage is the invariant broken, nothing else. A thread that throws crashes the run (an
 * {@link IllegalStateException}), unless the scenario names the throwable as a symptom of the race — a
 * {@code ClassCastException} from inside a corrupted {@code HashMap}, say. A thread that does not return within
 * {@value #ROUND_LIMIT_SECONDS} s is damage: the structure it works on loops. Threads are daemons, so it cannot keep
 * the JVM alive.
 *
 * @param <S> the shared object
 * @param <D> what a round's damage is, as the scenario describes it
 */
public final class ConcurrentRounds<S, D> {

    /** One round: whether its threads ran together, and what it broke (empty if nothing). */
    public record Round<D>(int number, boolean overlapped, Optional<D> damage, Optional<String> hung) {
        public boolean damaged() {
            return damage.isPresent() || hung.isPresent();
        }
    }

    /** Every round run, and the verdict they add up to. */
    public record Report<D>(List<Round<D>> rounds, int overlappedWanted, int processors) {

        public int overlappedRounds() {
            return (int) rounds.stream().filter(Round::overlapped).count();
        }

        public List<Round<D>> damagedRounds() {
            return rounds.stream().filter(Round::damaged).toList();
        }

        /** Damage seen in any round: the failure shown. Else enough overlapping rounds: held. Else inconclusive. */
        public Verdict verdict() {
            if (!damagedRounds().isEmpty()) {
                return Verdict.FAILURE_SHOWN;
            }
            return overlappedRounds() >= overlappedWanted ? Verdict.INVARIANT_HELD : Verdict.INCONCLUSIVE;
        }

        /** Why the rounds could not decide, in the terms of the rule applied; empty unless inconclusive. */
        public Optional<String> inconclusiveReason() {
            if (verdict() != Verdict.INCONCLUSIVE) {
                return Optional.empty();
            }
            if (processors < 2) {
                return Optional.of("this JVM has " + processors + " CPU, so its threads never run at the same time");
            }
            return Optional.of(String.format("in %d round(s), the threads ran together — each on a CPU for %d %% of its"
                    + " run, the runs overlapping for at least half of the shorter — in only %d; %d such rounds are needed",
                    rounds.size(), ON_CPU_NEEDED_PERCENT, overlappedRounds(), overlappedWanted));
        }
    }

    private static final int ROUND_LIMIT_SECONDS = 10;
    private static final double OVERLAP_NEEDED = 0.5;
    private static final int ON_CPU_NEEDED_PERCENT = 90;

    private final int threads;
    private final Supplier<S> freshState;
    private final ObjIntConsumer<S> work;
    private final Function<S, Optional<D>> damage;
    private final Function<Throwable, Optional<D>> symptom;

    /**
     * @param threads    how many threads share each round's object
     * @param freshState a new shared object for each round
     * @param work       what thread {@code i} (0-based) does to the object
     * @param damage     what the round broke, or empty if the invariant held
     * @param symptom    the damage a thrown throwable shows, if it is a symptom of the race; empty for any other,
     *                   which crashes the run
     */
    public ConcurrentRounds(int threads, Supplier<S> freshState, ObjIntConsumer<S> work, Function<S, Optional<D>> damage,
                            Function<Throwable, Optional<D>> symptom) {
        this.threads = threads;
        this.freshState = freshState;
        this.work = work;
        this.damage = damage;
        this.symptom = symptom;
    }

    /** As above, for a race that shows only in the shared object's state: every throwable is a crash. */
    public ConcurrentRounds(int threads, Supplier<S> freshState, ObjIntConsumer<S> work, Function<S, Optional<D>> damage) {
        this(threads, freshState, work, damage, thrown -> Optional.empty());
    }

    /**
     * Runs rounds until one is damaged, or {@code overlappedWanted} of them have overlapped, or {@code maxRounds} have
     * run, or {@code budget} is spent. On one CPU it runs none: nothing could overlap.
     */
    public Report<D> run(int overlappedWanted, int maxRounds, Duration budget) throws InterruptedException {
        int processors = Runtime.getRuntime().availableProcessors();
        List<Round<D>> rounds = new ArrayList<>();
        long deadline = System.nanoTime() + budget.toNanos();
        int overlapped = 0;
        boolean damaged = false;
        while (processors >= 2 && !damaged && overlapped < overlappedWanted && rounds.size() < maxRounds
                && System.nanoTime() < deadline) {
            Round<D> round = oneRound(rounds.size() + 1);
            rounds.add(round);
            overlapped += round.overlapped() ? 1 : 0;
            damaged = round.damaged();
        }
        return new Report<>(List.copyOf(rounds), overlappedWanted, processors);
    }

    private Round<D> oneRound(int number) throws InterruptedException {
        S shared = freshState.get();
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        long[] started = new long[threads];
        long[] ended = new long[threads];
        long[] onCpu = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            workers.add(Thread.ofPlatform().daemon().name("round-worker-" + i).start(() -> {
                long cpuBefore = 0;
                try {
                    go.await();
                    cpuBefore = Probes.cpuTimeOfCurrentThread().toNanos();
                    started[index] = System.nanoTime();
                    work.accept(shared, index);
                } catch (Throwable e) {
                    thrown.compareAndSet(null, e);
                } finally {
                    ended[index] = System.nanoTime();
                    onCpu[index] = Probes.cpuTimeOfCurrentThread().toNanos() - cpuBefore;
                }
            }));
        }
        go.countDown();
        for (Thread worker : workers) {
            if (!worker.join(Duration.ofSeconds(ROUND_LIMIT_SECONDS))) {
                return new Round<>(number, true, Optional.empty(), Optional.of(worker.getName() + " never returned within "
                        + ROUND_LIMIT_SECONDS + " s: the shared object is corrupted (it loops)"));
            }
        }
        // join() orders every worker's writes to started/ended/onCpu before these reads.
        boolean overlapped = overlapped(started, ended, onCpu);
        Throwable failure = thrown.get();
        if (failure != null) {
            Optional<D> shown = symptom.apply(failure);
            if (shown.isEmpty()) {
                throw new IllegalStateException("round " + number + ": a worker crashed — not a symptom of the race", failure);
            }
            return new Round<>(number, overlapped, shown, Optional.empty());
        }
        return new Round<>(number, overlapped, damage.apply(shared), Optional.empty());
    }

    /**
     * Whether the threads really ran together: each on a CPU for {@value #ON_CPU_NEEDED_PERCENT} % of its run, and all
     * runs overlapping for at least half of the shortest one.
     */
    static boolean overlapped(long[] started, long[] ended, long[] onCpu) {
        long latestStart = Long.MIN_VALUE;
        long earliestEnd = Long.MAX_VALUE;
        long shortestRun = Long.MAX_VALUE;
        for (int i = 0; i < started.length; i++) {
            long run = ended[i] - started[i];
            if (run <= 0 || onCpu[i] * 100 < ON_CPU_NEEDED_PERCENT * run) {
                return false;
            }
            latestStart = Math.max(latestStart, started[i]);
            earliestEnd = Math.min(earliestEnd, ended[i]);
            shortestRun = Math.min(shortestRun, run);
        }
        return earliestEnd - latestStart >= OVERLAP_NEEDED * shortestRun;
    }
}
