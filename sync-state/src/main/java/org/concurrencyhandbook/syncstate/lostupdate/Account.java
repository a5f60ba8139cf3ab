package org.concurrencyhandbook.syncstate.lostupdate;

/** A bank account that several tellers deposit into at once. Both examples implement it. */
public interface Account {

    void deposit(long amount);

    long balance();
}
