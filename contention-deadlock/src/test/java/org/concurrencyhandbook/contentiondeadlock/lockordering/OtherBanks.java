package org.concurrencyhandbook.contentiondeadlock.lockordering;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.concurrencyhandbook.testkit.Fix;

/**
 * The other banks {@link LockOrderingTest} runs through 2.1's scenario: the wrong fixes readers try, which must
 * deadlock or stall, and the other fixes the GUIDE recommends, which must complete every transfer. A monitor deadlock
 * can never be undone, so each runs in a JVM of its own: {@link #main} takes the fix's name.
 */
final class OtherBanks {

    static final List<Fix<Function<Bank.FirstLockHeld, Bank>>> WRONG_FIXES = List.of(
            Fix.of("target's lock first", TargetLockFirst::new),
            Fix.of("lockInterruptibly()", LockInterruptibly::new),
            Fix.of("tryLock() spin, first lock kept", TryLockSpinKeepingTheFirst::new));

    static final List<Fix<Function<Bank.FirstLockHeld, Bank>>> RIGHT_FIXES = List.of(
            Fix.of("one lock for the whole bank", OneBankLock::new),
            Fix.of("identityHashCode order, tie lock", IdentityHashOrder::new));

    private OtherBanks() {
    }

    public static void main(String[] args) throws InterruptedException {
        Fix<Function<Bank.FirstLockHeld, Bank>> fix = Fix.named(args[0], WRONG_FIXES, RIGHT_FIXES);
        Scenario.demonstrate(fix.name(), List.of(new Scenario.Variant(fix.name(), fix.make()))).exit();
    }

    /**
     * Tempts because "the other order" sounds like a fix; it is still an order chosen by the caller's arguments, so
     * the two directions still take the two locks in opposite orders.
     */
    static final class TargetLockFirst implements Bank {
        private final FirstLockHeld firstLockHeld;

        TargetLockFirst(FirstLockHeld firstLockHeld) {
            this.firstLockHeld = firstLockHeld;
        }

        @Override
        public void transfer(Account from, Account to, long amount) {
            synchronized (to) {
                firstLockHeld.reached();
                synchronized (from) {
                    from.moveTo(to, amount);
                }
            }
        }
    }

    /**
     * Tempts because an interruptible wait sounds like a wait that can end; it ends only if someone interrupts it, and
     * nobody does: the cycle is the same, and ThreadMXBean reports it.
     */
    static final class LockInterruptibly implements Bank {
        private final FirstLockHeld firstLockHeld;

        LockInterruptibly(FirstLockHeld firstLockHeld) {
            this.firstLockHeld = firstLockHeld;
        }

        @Override
        public void transfer(Account from, Account to, long amount) {
            try {
                from.lock.lockInterruptibly();
                try {
                    firstLockHeld.reached();
                    to.lock.lockInterruptibly();
                    try {
                        from.moveTo(to, amount);
                    } finally {
                        to.lock.unlock();
                    }
                } finally {
                    from.lock.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while transferring", e);
            }
        }
    }

    /**
     * Tempts because tryLock "cannot deadlock"; but retrying it while still holding the first lock is hold-and-wait
     * by another name. Neither thread blocks, so ThreadMXBean sees nothing — only the stopped progress shows it.
     */
    static final class TryLockSpinKeepingTheFirst implements Bank {
        private final FirstLockHeld firstLockHeld;

        TryLockSpinKeepingTheFirst(FirstLockHeld firstLockHeld) {
            this.firstLockHeld = firstLockHeld;
        }

        @Override
        public void transfer(Account from, Account to, long amount) {
            from.lock.lock();
            try {
                firstLockHeld.reached();
                while (!to.lock.tryLock()) {
                    Thread.onSpinWait();
                }
                try {
                    from.moveTo(to, amount);
                } finally {
                    to.lock.unlock();
                }
            } finally {
                from.lock.unlock();
            }
        }
    }

    /** Holds because one lock cannot form a cycle with itself; it serializes every transfer in the bank. */
    static final class OneBankLock implements Bank {
        private final ReentrantLock bankLock = new ReentrantLock();
        private final FirstLockHeld firstLockHeld;

        OneBankLock(FirstLockHeld firstLockHeld) {
            this.firstLockHeld = firstLockHeld;
        }

        @Override
        public void transfer(Account from, Account to, long amount) {
            bankLock.lock();
            try {
                firstLockHeld.reached();
                from.moveTo(to, amount);
            } finally {
                bankLock.unlock();
            }
        }
    }

    /**
     * Holds because identity hashes give a global order to objects with no key; two objects can share a hash, and
     * then a third lock, always taken first, breaks the tie (JCIP's InduceLockOrder).
     */
    static final class IdentityHashOrder implements Bank {
        private static final Object TIE_LOCK = new Object();
        private final FirstLockHeld firstLockHeld;

        IdentityHashOrder(FirstLockHeld firstLockHeld) {
            this.firstLockHeld = firstLockHeld;
        }

        @Override
        public void transfer(Account from, Account to, long amount) {
            int fromHash = System.identityHashCode(from);
            int toHash = System.identityHashCode(to);
            if (fromHash == toHash) {
                synchronized (TIE_LOCK) {
                    lockBothInOrder(from, to, from, to, amount);
                }
            } else if (fromHash < toHash) {
                lockBothInOrder(from, to, from, to, amount);
            } else {
                lockBothInOrder(to, from, from, to, amount);
            }
        }

        private void lockBothInOrder(Account first, Account second, Account from, Account to, long amount) {
            synchronized (first) {
                firstLockHeld.reached();
                synchronized (second) {
                    from.moveTo(to, amount);
                }
            }
        }
    }
}
