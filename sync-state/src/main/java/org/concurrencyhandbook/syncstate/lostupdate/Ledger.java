package org.concurrencyhandbook.syncstate.lostupdate;

/**
 * Where an account records each deposit. In a real bank this is an audit log, a database row or a message: slow,
 * and outside the account's control. Both examples call it once per deposit; what differs is <em>when</em>.
 */
@FunctionalInterface
public interface Ledger {

    void record(long amount);
}
