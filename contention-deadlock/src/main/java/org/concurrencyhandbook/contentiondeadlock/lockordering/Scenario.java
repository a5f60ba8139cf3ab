package org.concurrencyhandbook.contentiondeadlock.lockordering;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Facts;
import org.concurrencyhandbook.support.LockNames;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Watchdog;

/**
 * The scenario both examples run, once with each kind of lock: two accounts of 10,000 € each; one thread makes 1,000
 * transfers of 1 € from the first to the second, another 1,000 from the second to the first, at the same time.
 *
 * <p>The deadlock is not left to luck: at its first transfer, each thread, holding its first lock, waits until the
 * other thread holds its first lock too — or is blocked waiting for one, which is what a lock order makes it do. A
 * {@link Watchdog} watches both threads and reports the cycle as soon as {@code ThreadMXBean} sees one — or, should it
 * see none, when no transfer has completed for a second.
 */
final class Scenario {

    public static final int TRANSFERS_PER_THREAD = 1_000;
    static final long OPENING_BALANCE = 10_000;
    static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Duration NO_PROGRESS = Duration.ofSeconds(1);

    private Scenario() {
    }

    /** One bank the scenario runs: a name that says its mechanism, and how to make it around the scenario's seam. */
    public record Variant(String name, Function<Bank.FirstLockHeld, Bank> bankOn) {
    }

    /** How one variant ended, and what the two accounts hold if it finished. */
    public record Outcome(String variant, Watchdog.Outcome watched, long total, List<Thread> threads) {
        public boolean deadlocked() {
            return watched.kind() == Watchdog.Outcome.Kind.DEADLOCK;
        }

        public boolean completedAndConserved() {
            return watched.kind() == Watchdog.Outcome.Kind.FINISHED && total == 2 * OPENING_BALANCE;
        }

        /** The seam makes the interleaving certain, so there is no inconclusive run: every transfer done, or not. */
        public Verdict verdict() {
            return completedAndConserved() ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }

        /** Hands what was measured to a test that ran this in a child JVM ({@link Facts}), under the variant's name. */
        void record() {
            Facts.record(variant + ".verdict", verdict());
            Facts.record(variant + ".ended", watched.kind());
            Facts.record(variant + ".afterMillis", watched.after().toMillis());
            Facts.record(variant + ".total", total);
            watched.deadlock().ifPresent(deadlock -> {
                Facts.record(variant + ".cycle", String.join(" -> ", deadlock.threadNames()));
                Facts.record(variant + ".locksWaitedFor", String.join(", ", deadlock.lockClassesWaitedFor()));
            });
        }
    }

    static Outcome run(String variant, Function<Bank.FirstLockHeld, Bank> bankOn) throws InterruptedException {
        Thread.Builder threads = Thread.ofPlatform().daemon();
        Account first = new Account(1, OPENING_BALANCE);
        Account second = new Account(2, OPENING_BALANCE);
        List<Thread> workers = new java.util.ArrayList<>();
        Bank bank = bankOn.apply(Await.firstPassTogether(workers, LIMIT)::run);
        LongAdder completed = new LongAdder();
        workers.add(threads.name("transfer 1->2").unstarted(() -> transfers(bank, first, second, completed)));
        workers.add(threads.name("transfer 2->1").unstarted(() -> transfers(bank, second, first, completed)));
        Watchdog watchdog = Watchdog.watch(workers).onDeadlock().onNoProgress(completed::sum, NO_PROGRESS)
                .naming(LockNames.of(first, first.toString()).and(second, second.toString())
                        .and(first.lock, first + "'s lock").and(second.lock, second + "'s lock"));
        workers.forEach(Thread::start);
        Watchdog.Outcome watched = watchdog.start().awaitOutcome(LIMIT);
        long total = watched.kind() == Watchdog.Outcome.Kind.FINISHED ? first.balance + second.balance : -1;
        return new Outcome(variant, watched, total, List.copyOf(workers));
    }

    private static void transfers(Bank bank, Account from, Account to, LongAdder completed) {
        for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
            bank.transfer(from, to, 1);
            completed.increment();
        }
    }

    /** Runs each variant, says what happened, and hands the outcomes to a test that asked for them. */
    public static Verdict demonstrate(String example, List<Variant> variants) throws InterruptedException {
        System.out.printf("2.1 Deadlock (lock ordering) — %s%n", example);
        System.out.printf("Two threads, %,d transfers each between the same two accounts, in opposite directions.%n%n",
                TRANSFERS_PER_THREAD);
        Verdict verdict = Verdict.INVARIANT_HELD;
        for (Variant variant : variants) {
            Outcome outcome = run(variant.name(), variant.bankOn());
            outcome.record();
            if (outcome.verdict() == Verdict.FAILURE_SHOWN) {
                verdict = Verdict.FAILURE_SHOWN;
            }
            if (outcome.completedAndConserved()) {
                System.out.printf("%s: all %,d transfers completed in %d ms; the accounts hold %,d € together, as before.%n%n",
                        outcome.variant(), 2 * TRANSFERS_PER_THREAD, outcome.watched().after().toMillis(), outcome.total());
            } else if (outcome.deadlocked()) {
                System.out.printf("%s: deadlock, found by ThreadMXBean.findDeadlockedThreads() after %d ms.%n%s%n",
                        outcome.variant(), outcome.watched().after().toMillis(), outcome.watched().diagnosis());
            } else {
                System.out.printf("%s: did not complete (%d ms).%n%s%n", outcome.variant(),
                        outcome.watched().after().toMillis(),
                        outcome.watched().diagnosis());
            }
        }
        return verdict;
    }
}
