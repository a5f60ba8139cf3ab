package org.concurrencyhandbook.apipitfalls.granularity;

/**
 * A bank whose clerks post interest to accounts independently of each other and whose tellers move money between
 * them. Both examples implement it; they differ only in what they lock.
 */
public interface Bank {

    /** Adds an account's interest to it: the rule reads the balance, so the read and the write must be one step. */
    void postInterest(int account);

    /** Moves {@code amount} from one account to another. */
    void transfer(int from, int to, long amount);

    /** The money in the bank as one moment's view: never a transfer half done. */
    long total();

    /**
     * The interest an account earns on its balance. In a real bank a slow computation over the account's history;
     * here the scenario's hook, called inside the account's critical section — where it can see who else is inside.
     */
    @FunctionalInterface
    interface InterestRule {
        long interestOn(int account, long balance);
    }

    /**
     * Where the scenario steps in during {@link #transfer}: after the source is debited and before the target is
     * credited. In production nothing happens there — and an auditor can still arrive at that moment, only more rarely.
     */
    @FunctionalInterface
    interface MidTransfer {
        void reached();
    }

    /** How the scenario opens a bank: how many accounts, what each holds, and its two hooks. */
    @FunctionalInterface
    interface Opener {
        Bank open(int accounts, long openingBalance, InterestRule interest, MidTransfer midTransfer);
    }
}
