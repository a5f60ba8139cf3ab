package org.concurrencyhandbook.contentiondeadlock.starvation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario both examples run: a writer appends to the journal in a tight loop for as long as a reporter is still
 * reading (at most 100,000 entries); the reporter reads the journal's size 10 times, each time once the writer has taken
 * the lock again since its last read. The contest is made certain, not hoped for: whenever the writer takes the lock,
 * it holds it until the reporter is queued for it and asleep (or has finished its reads). For each read, the reporter
 * counts how many times the writer took the lock between the reporter's asking and its getting — the appends it waited
 * through.
 */
final class Scenario {

    static final int MAX_APPENDS = 100_000;
    static final int READS = 10;
    static final int FAIR_BOUND = 2;
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private Scenario() {
    }

    /**
     * How many times the writer took the lock, and, per read of the reporter's, how many appends it waited through.
     * The invariant: no read waits through more than {@value #FAIR_BOUND} — what a lock that serves in turn allows
     * (the append in progress when the reporter asked, and the one the writer was starting).
     */
    record Outcome(long writerTook, List<Long> waitedThrough) {
        long longest() {
            return waitedThrough.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        long total() {
            return waitedThrough.stream().mapToLong(Long::longValue).sum();
        }

        Verdict verdict() {
            return longest() > FAIR_BOUND ? Verdict.FAILURE_SHOWN : Verdict.INVARIANT_HELD;
        }
    }

    static Outcome run(Function<Journal.LockTaken, Journal> journalOn) throws InterruptedException {
        Bookkeeping books = new Bookkeeping();
        Journal journal = journalOn.apply(books::lockTaken);
        books.journal = journal;
        Workers workers = new Workers();
        books.writer = workers.add("writer", () -> {
            for (int i = 1; books.waitedThrough.size() < READS && i <= MAX_APPENDS; i++) {
                journal.append("entry " + i);
            }
        });
        books.reporter = workers.add("reporter", () -> {
            for (int i = 0; i < READS; i++) {
                books.awaitWriterAtWork();
                books.askedAt = books.writerTook;
                journal.size();
            }
        });
        workers.startAll().awaitAll(LIMIT);
        if (books.waitedThrough.size() < READS) {
            throw new IllegalStateException("the reporter made " + books.waitedThrough.size() + " of its " + READS + " reads");
        }
        return new Outcome(books.writerTook, List.copyOf(books.waitedThrough));
    }

    static Verdict demonstrate(String example, Function<Journal.LockTaken, Journal> journalOn) throws InterruptedException {
        System.out.printf("2.3 Starvation — %s%n", example);
        System.out.printf("A writer appends in a tight loop while a reporter reads the size %d times (at most %,d appends).%n",
                READS, MAX_APPENDS);
        Outcome outcome = run(journalOn);
        System.out.printf("The writer took the lock %,d times. The reporter's %d reads waited through %s of its appends.%n",
                outcome.writerTook(), outcome.waitedThrough().size(), outcome.waitedThrough());
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.printf("No read waited through more than %d append(s): the reporter was served in turn.%n",
                    outcome.longest());
        } else {
            System.out.printf("STARVED: one read waited through %,d appends — the writer took the lock again and again"
                    + " while the reporter stood queued for it.%n", outcome.longest());
        }
        return outcome.verdict();
    }

    /** What the two threads record, each inside the lock it has just taken. */
    private static final class Bookkeeping {
        volatile Journal journal;
        volatile Thread writer;
        volatile Thread reporter;
        volatile long writerTook;
        volatile long askedAt;
        final List<Long> waitedThrough = new CopyOnWriteArrayList<>();
        private volatile long writerTookAtLastRead;

        /** Before each read, the reporter waits until the writer has taken the lock again: each read is a fresh contest. */
        void awaitWriterAtWork() {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (writerTook == writerTookAtLastRead && writer.isAlive()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the writer never took the lock again");
                }
                LockSupport.parkNanos(50_000);
            }
        }

        void lockTaken() {
            if (Thread.currentThread() == reporter) {
                waitedThrough.add(writerTook - askedAt);
                writerTookAtLastRead = writerTook;
                return;
            }
            writerTook++;
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!reporterAsleepInQueue() && reporter.getState() != Thread.State.TERMINATED) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the reporter never asked for the lock");
                }
                LockSupport.parkNanos(50_000);
            }
        }

        /**
         * Queued, and asleep — parked on a {@code java.util.concurrent} lock (WAITING) or blocked on a monitor (BLOCKED):
         * it spins for a moment after queueing, and a spinning thread would take a released lock at once.
         */
        private boolean reporterAsleepInQueue() {
            Thread.State state = reporter.getState();
            return journal.hasQueued(reporter) && (state == Thread.State.WAITING || state == Thread.State.BLOCKED);
        }
    }
}
