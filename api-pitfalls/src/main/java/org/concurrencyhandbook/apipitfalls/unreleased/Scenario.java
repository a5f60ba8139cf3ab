package org.concurrencyhandbook.apipitfalls.unreleased;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario every account runs, in two scenes on a fresh account holding {@value #OPENING}.
 *
 * <ol>
 *   <li><b>Failures in the section.</b> Clerk-1 withdraws {@value #TOO_MUCH}, more than the balance: its caller
 *       must get the {@code IllegalArgumentException}. Auditor-1's check fails with an {@code AssertionError} — an
 *       {@code Error}, not an exception — which must reach its caller too. Then clerk-2 deposits {@value #DEPOSIT}.
 *       After each, the scenario waits until the next has finished or waits; one waiting for a lock whose owner has
 *       ended waits for ever — no timing is involved in that judgment.</li>
 *   <li><b>An interrupt while waiting.</b> An auditor holds the lock; clerk-3 comes to deposit {@value #DEPOSIT}, and
 *       once it waits for the lock, it is interrupted — its request was cancelled. Its caller must get the
 *       {@code InterruptedException}, or, from a lock that does not answer interrupts, a completed deposit; never
 *       another exception in its place. Then clerk-4 deposits {@value #DEPOSIT}.</li>
 * </ol>
 *
 * <p>The invariant: every failure reaches its caller as itself, every clerk gets the lock, and the balance counts
 * exactly the deposits that were made. A clerk stuck for good is interrupted, so nothing outlives the run.
 */
final class Scenario {

    static final long OPENING = 100;
    static final long TOO_MUCH = 500;
    static final long DEPOSIT = 50;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** What a clerk's call ended with: "returned", or the simple name of what it threw. */
    record Ending(String clerk, String endedWith) {
        boolean returned() {
            return endedWith.equals("returned");
        }
    }

    /**
     * Scene 1: how clerk-1's withdrawal ended, and clerk-2's deposit — or, if clerk-2 waits for a lock whose owner
     * has ended, where and for whom. Scene 2: how clerk-3's interrupted deposit ended, how clerk-4's did, and the
     * balance against the deposits that were made.
     */
    record Outcome(Ending overdraft, Ending failedAudit, Ending nextDeposit, String stuckFor, boolean deadlockFound, Ending interrupted,
                   Ending lastDeposit, long balance, long expectedBalance) {
        Verdict verdict() {
            boolean interruptedHonestly = interrupted.returned() || interrupted.endedWith().equals("InterruptedException");
            return overdraft.endedWith().equals("IllegalArgumentException")
                    && failedAudit.endedWith().equals("AssertionError") && nextDeposit.returned()
                    && interruptedHonestly && lastDeposit.returned() && balance == expectedBalance
                    ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Supplier<Account> opener) throws InterruptedException {
        Account first = opener.get();
        first.deposit(OPENING);
        Ending overdraft = clerk("clerk-1", () -> first.withdraw(TOO_MUCH)).finish();
        Clerk auditor1 = clerk("auditor-1", () -> first.audit(balance -> {
            throw new AssertionError("the books do not balance");
        }));
        Stuck auditStuck = auditor1.waitsForADeadOwner();
        Ending failedAudit = auditor1.finish();
        Clerk secondClerk = clerk("clerk-2", () -> first.deposit(DEPOSIT));
        Stuck depositStuck = secondClerk.waitsForADeadOwner();
        Ending nextDeposit = secondClerk.finish();
        Stuck stuck = auditStuck.where().isEmpty() ? depositStuck : auditStuck;

        Account second = opener.get();
        second.deposit(OPENING);
        CountDownLatch auditing = new CountDownLatch(1);
        CountDownLatch auditDone = new CountDownLatch(1);
        Clerk auditor = clerk("auditor", () -> second.audit(balance -> {
            auditing.countDown();
            Await.opened(auditDone, PATIENCE, "the scenario never ended the audit");
        }));
        Await.opened(auditing, PATIENCE, "the audit never began");
        Clerk thirdClerk = clerk("clerk-3", () -> second.deposit(DEPOSIT));
        Await.arrivedOrBlockedBy(List.of(thirdClerk.thread), thread -> false, auditor.thread, PATIENCE);
        thirdClerk.thread.interrupt();
        auditDone.countDown();
        Ending interrupted = thirdClerk.finish();
        auditor.finish();
        Ending lastDeposit = clerk("clerk-4", () -> second.deposit(DEPOSIT)).finish();
        long expected = OPENING + DEPOSIT + (interrupted.returned() ? DEPOSIT : 0);
        return new Outcome(overdraft, failedAudit, nextDeposit, stuck.where(), stuck.deadlockFound(), interrupted, lastDeposit,
                second.balance(), expected);
    }

    @FunctionalInterface
    private interface Call {
        void run() throws InterruptedException;
    }

    private static Clerk clerk(String name, Call call) {
        AtomicReference<String> endedWith = new AtomicReference<>("never ended");
        Workers worker = new Workers();
        Thread thread = worker.add(name, () -> {
            try {
                call.run();
                endedWith.set("returned");
            } catch (InterruptedException | RuntimeException | Error failure) {
                endedWith.set(failure.getClass().getSimpleName());
            }
        });
        worker.startAll();
        return new Clerk(thread, worker, endedWith);
    }

    /** Where a clerk waits for good and for whom ("" if it does not), and whether ThreadMXBean calls it a deadlock. */
    private record Stuck(String where, boolean deadlockFound) {
    }

    /** A clerk's thread, and how its call ended. */
    private record Clerk(Thread thread, Workers worker, AtomicReference<String> endedWith) {

        /**
         * Waits until the clerk has finished or waits; if it waits for a lock whose owner thread has ended, nobody can
         * ever release it: says where it waits and for whom, and interrupts it.
         */
        Stuck waitsForADeadOwner() {
            Await.arrivedOrBlocked(List.of(thread), t -> false, PATIENCE);
            ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.threadId());
            if (info == null || info.getLockOwnerId() < 0) {
                return new Stuck("", false);
            }
            boolean ownerAlive = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(live -> live.threadId() == info.getLockOwnerId());
            if (ownerAlive) {
                return new Stuck("", false);
            }
            String where = thread.getName() + " waits in " + StallDetector.waitingIn(thread) + " for a lock owned by "
                    + info.getLockOwnerName() + ", which has ended";
            boolean deadlockFound = StallDetector.findDeadlock(List.of(thread)).isPresent();
            thread.interrupt();
            return new Stuck(where, deadlockFound);
        }

        Ending finish() throws InterruptedException {
            worker.awaitAll(PATIENCE);
            return new Ending(thread.getName(), endedWith.get());
        }
    }

    static Verdict demonstrate(String example, Supplier<Account> opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("3.12 A lock never released — %s%n", example);
        System.out.printf("An account holding %d. Clerk-1 tried to withdraw %d: %s. Auditor-1's check failed: %s.%n",
                OPENING, TOO_MUCH, outcome.overdraft().endedWith(), outcome.failedAudit().endedWith());
        if (outcome.stuckFor().isEmpty()) {
            System.out.printf("Then clerk-2 deposited %d: %s.%n", DEPOSIT, outcome.nextDeposit().endedWith());
        } else {
            System.out.printf("Then %s.%n", outcome.stuckFor());
            System.out.println("NEVER RELEASED: a failure left the section without unlock(); the lock's owner is"
                    + " gone, and no thread can release it. The demo interrupted the threads left waiting.");
        }
        System.out.printf("On a new account, clerk-3 waited for the lock behind an audit and was interrupted: its caller"
                + " got %s.%n", outcome.interrupted().endedWith());
        if (!outcome.interrupted().returned() && !outcome.interrupted().endedWith().equals("InterruptedException")) {
            System.out.printf("HIDDEN: the InterruptedException was replaced by %s — unlock() in a finally, for a lock"
                    + " the thread never got.%n", outcome.interrupted().endedWith());
        }
        System.out.printf("Clerk-4 deposited %d: %s. Balance %d, deposits made %d.%n", DEPOSIT,
                outcome.lastDeposit().endedWith(), outcome.balance(), outcome.expectedBalance());
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("Every clerk got the lock, and every failure reached its caller as itself.");
        }
        return outcome.verdict();
    }
}
