package org.concurrencyhandbook.contentiondeadlock.virtualthreads;

/** Moves money between two accounts, holding both accounts' locks while it does. */
public interface Bank {

    void transfer(Account from, Account to, long amount);

    /**
     * Where the scenario can step in: a transfer has taken its first lock and is about to take the second. In
     * production nothing happens there — and the other thread can still arrive at the same point at the same time.
     */
    @FunctionalInterface
    interface FirstLockHeld {
        void reached();
    }
}
