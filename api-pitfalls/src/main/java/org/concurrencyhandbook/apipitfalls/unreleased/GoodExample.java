package org.concurrencyhandbook.apipitfalls.unreleased;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * 3.12 A lock never released — lock, then {@code try}, then unlock in {@code finally}.
 *
 * <p>The idiom of {@code Lock}'s own Javadoc: take the lock, and only once it is held enter the {@code try} whose
 * {@code finally} releases it. Every way out of the section — a return, an exception, an {@code Error} — passes
 * through the {@code finally}. The lock is taken <em>before</em> the {@code try}, not inside it: if taking it fails
 * (an interrupt while waiting), the thread holds nothing, and a {@code finally} that unlocked anyway would throw
 * {@code IllegalMonitorStateException} and bury the real failure. Where nothing needs an explicit lock's extras
 * (interruptible or timed waits, several conditions), {@code synchronized} gets this right by construction;
 * {@code UnreleasedLockTest} runs it beside this one.
 *
 * <p>Run it: {@code ./handbook 3.12}. It exits 0 because every clerk got the lock, and every failure reached its
 * caller as itself.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.12} printed:
 * <pre>
 * An account holding 100. Clerk-1 tried to withdraw 500: IllegalArgumentException. Auditor-1's check failed: AssertionError.
 * Then clerk-2 deposited 50: returned.
 * On a new account, clerk-3 waited for the lock behind an audit and was interrupted: its caller got InterruptedException.
 * Clerk-4 deposited 50: returned. Balance 150, deposits made 150.
 * Every clerk got the lock, and every failure reached its caller as itself.
 * </pre>
 */
public final class GoodExample implements Account {

    private final ReentrantLock lock = new ReentrantLock();
    private long balance;

    @Override
    public void deposit(long amount) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            balance += amount;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void withdraw(long amount) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (amount > balance) {
                throw new IllegalArgumentException("balance " + balance + " is less than " + amount);
            }
            balance -= amount;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void audit(LongConsumer auditor) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            auditor.accept(balance);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long balance() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            return balance;
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
