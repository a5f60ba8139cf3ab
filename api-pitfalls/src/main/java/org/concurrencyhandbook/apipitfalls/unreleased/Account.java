package org.concurrencyhandbook.apipitfalls.unreleased;

import java.util.function.LongConsumer;

/**
 * An account whose operations wait for its lock interruptibly, so that a caller who gives up — a request cancelled,
 * a pool shut down — can be stopped while it waits. Both examples implement it.
 */
public interface Account {

    void deposit(long amount) throws InterruptedException;

    /** @throws IllegalArgumentException if the balance is less than {@code amount}; nothing is withdrawn then */
    void withdraw(long amount) throws InterruptedException;

    /** Shows {@code auditor} the balance, holding the lock until the auditor returns. */
    void audit(LongConsumer auditor) throws InterruptedException;

    long balance() throws InterruptedException;
}
