package org.concurrencyhandbook.contentiondeadlock.virtualthreads;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Facts;
import org.concurrencyhandbook.support.JsonThreadDump;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Watchdog;

/**
 * The scenario of 2.1 on virtual threads: two accounts of 10,000 € each; one virtual thread makes 1,000 transfers of
 * 1 € from the first to the second, another 1,000 from the second to the first. At its first transfer each thread,
 * holding its first lock, waits until the other holds its first lock too or is blocked waiting for one — the deadlock
 * made certain, where a lock order lets it through. A {@link Watchdog} reports a stall when no transfer has completed
 * for a second (its deadlock check cannot see virtual threads); then this asks every tool what it sees.
 */
final class Scenario {

    static final int TRANSFERS_PER_THREAD = 1_000;
    private static final long OPENING_BALANCE = 10_000;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Duration NO_PROGRESS = Duration.ofSeconds(1);

    private Scenario() {
    }

    /** How the transfers ended, what the two accounts hold if they finished, and the threads that made them. */
    record Outcome(Watchdog.Outcome watched, long total, List<Thread> threads) {
        boolean completedAndConserved() {
            return watched.kind() == Watchdog.Outcome.Kind.FINISHED && total == 2 * OPENING_BALANCE;
        }
    }

    static Outcome run(Function<Bank.FirstLockHeld, Bank> bankOn) throws InterruptedException {
        Account first = new Account(1, OPENING_BALANCE);
        Account second = new Account(2, OPENING_BALANCE);
        List<Thread> workers = new ArrayList<>();
        Bank bank = bankOn.apply(Await.firstPassTogether(workers, LIMIT)::run);
        LongAdder completed = new LongAdder();
        workers.add(Thread.ofVirtual().name("transfer 1->2").unstarted(() -> transfers(bank, first, second, completed)));
        workers.add(Thread.ofVirtual().name("transfer 2->1").unstarted(() -> transfers(bank, second, first, completed)));
        // The deadlock check is asked too, so that its silence is part of what the scenario shows.
        Watchdog watchdog = Watchdog.watch(workers).onDeadlock().onNoProgress(completed::sum, NO_PROGRESS);
        workers.forEach(Thread::start);
        Watchdog.Outcome watched = watchdog.start().awaitOutcome(LIMIT);
        long total = watched.kind() == Watchdog.Outcome.Kind.FINISHED ? first.balance + second.balance : -1;
        return new Outcome(watched, total, List.copyOf(workers));
    }

    private static void transfers(Bank bank, Account from, Account to, LongAdder completed) {
        for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
            bank.transfer(from, to, 1);
            completed.increment();
        }
    }

    static Verdict demonstrate(String example, Function<Bank.FirstLockHeld, Bank> bankOn) throws InterruptedException {
        System.out.printf("2.10 Deadlocks the tools cannot see: virtual threads — %s%n", example);
        Outcome outcome = run(bankOn);
        Facts.record("ended", outcome.watched().kind());
        Facts.record("total", outcome.total());
        Facts.record("afterMillis", outcome.watched().after().toMillis());
        if (outcome.completedAndConserved()) {
            System.out.printf("All %,d transfers completed on virtual threads in %d ms; the progress watchdog never fired.%n",
                    2 * TRANSFERS_PER_THREAD, outcome.watched().after().toMillis());
            return Verdict.INVARIANT_HELD;
        }
        System.out.printf("Stalled after %d ms: no transfer has completed for a second.%n", outcome.watched().after().toMillis());
        List<Thread> threads = outcome.threads();
        List<String> states = threads.stream().map(t -> "\"" + t.getName() + "\" " + t.getState()).toList();
        System.out.printf("Thread.getState(): %s%n", states);
        Facts.record("states", String.join(", ", states));
        Optional<StallDetector.Deadlock> deadlock = StallDetector.findDeadlock();
        System.out.printf("ThreadMXBean.findDeadlockedThreads(): %s%n",
                deadlock.map(d -> "found " + d.threadNames()).orElse("no deadlock found"));
        Facts.record("threadMxBean.deadlockFound", deadlock.isPresent());
        String threadPrint = StallDetector.jcmd("Thread.print");
        boolean jcmdFoundDeadlock = threadPrint.contains("Found one Java-level deadlock");
        boolean jcmdListsThem = threads.stream().anyMatch(t -> threadPrint.contains("\"" + t.getName() + "\""));
        System.out.printf("jcmd Thread.print: deadlock report %s; the virtual threads %s%n",
                jcmdFoundDeadlock ? "found one" : "none", jcmdListsThem ? "are listed" : "are not listed");
        Facts.record("threadPrint.deadlockFound", jcmdFoundDeadlock);
        Facts.record("threadPrint.listsTheVirtualThreads", jcmdListsThem);
        System.out.println("jcmd Thread.dump_to_file -format=json lists them, with what each holds and waits for:");
        try {
            JsonThreadDump dump = JsonThreadDump.viaJcmd();
            for (Thread thread : threads) {
                Optional<JsonThreadDump.DumpedThread> dumped = dump.named(thread.getName());
                String state = dumped.map(JsonThreadDump.DumpedThread::state).orElse("not in the dump");
                String blockedOn = dumped.map(JsonThreadDump.DumpedThread::blockedOn).orElse("-");
                List<String> owns = dumped.map(JsonThreadDump.DumpedThread::monitorsOwned).orElse(List.of());
                System.out.printf("  \"%s\" virtual, %s on %s, owns %s%n", thread.getName(), state,
                        withoutPackage(blockedOn), owns.stream().map(Scenario::withoutPackage).toList());
                Facts.record("jsonDump." + thread.getName() + ".state", state);
                Facts.record("jsonDump." + thread.getName() + ".blockedOn", blockedOn);
                Facts.record("jsonDump." + thread.getName() + ".owns", String.join(", ", owns));
            }
        } catch (IOException e) {
            System.out.println("  (no JSON dump: " + e.getMessage() + ")");
        }
        return Verdict.FAILURE_SHOWN;
    }

    private static String withoutPackage(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
