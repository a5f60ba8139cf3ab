package org.concurrencyhandbook.contentiondeadlock.virtualthreads;

import java.util.List;
import java.util.function.Function;
import org.concurrencyhandbook.contentiondeadlock.lockordering.Bank;
import org.concurrencyhandbook.testkit.Fix;

/**
 * The other banks {@link VirtualThreadDeadlockTest} runs on virtual threads — 2.1's, reused — each in a JVM of its own,
 * since a deadlock of monitors or of {@code lock()} cannot be undone: {@link #main} takes the bank's name.
 */
final class OtherVirtualBanks {

    /**
     * Tempts because "replace synchronized with ReentrantLock" was the advice for virtual threads before JDK 24 (JEP
     * 491) — against pinning, not deadlock: the locks are still taken in argument order.
     */
    static final List<Fix<Function<Bank.FirstLockHeld, Bank>>> WRONG_FIXES = List.of(
            Fix.of("ReentrantLock instead of synchronized",
                    org.concurrencyhandbook.contentiondeadlock.lockordering.BadExample.WithReentrantLocks::new));

    /** 2.1's second fix: tryLock with a time-out, then release, back off and retry; it works on virtual threads too. */
    static final List<Fix<Function<Bank.FirstLockHeld, Bank>>> RIGHT_FIXES = List.of(
            Fix.of("tryLock(10 ms), release, back off",
                    org.concurrencyhandbook.contentiondeadlock.lockordering.GoodExample.WithReentrantLocks::new));

    private OtherVirtualBanks() {
    }

    public static void main(String[] args) throws InterruptedException {
        Fix<Function<Bank.FirstLockHeld, Bank>> fix = Fix.named(args[0], WRONG_FIXES, RIGHT_FIXES);
        VirtualTransfers.demonstrate(fix.name(), fix.make()).exit();
    }
}
