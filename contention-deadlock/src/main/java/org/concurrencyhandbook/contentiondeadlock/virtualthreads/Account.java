package org.concurrencyhandbook.contentiondeadlock.virtualthreads;

import java.util.concurrent.locks.ReentrantLock;

/** A bank account with a number, a balance, and a lock of its own (for the variant that uses explicit locks). */
public final class Account {

    final int number;
    long balance;
    final ReentrantLock lock = new ReentrantLock();

    public Account(int number, long balance) {
        this.number = number;
        this.balance = balance;
    }

    public int number() {
        return number;
    }

    /** Moves {@code amount} from this account to {@code to}. Takes no lock: the caller holds both accounts' locks. */
    public void moveTo(Account to, long amount) {
        balance -= amount;
        to.balance += amount;
    }

    @Override
    public String toString() {
        return "account " + number;
    }
}
