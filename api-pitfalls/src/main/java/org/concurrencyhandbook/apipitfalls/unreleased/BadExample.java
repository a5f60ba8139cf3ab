package org.concurrencyhandbook.apipitfalls.unreleased;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * 3.12 A lock never released — {@code unlock()} as the last line, not in a {@code finally}.
 *
 * <p>Every operation takes the lock, does its work and releases it, in that order, on the happy path. A withdrawal of
 * more than the balance throws {@code IllegalArgumentException} from the middle — and the {@code unlock()} below it
 * never runs. A {@code ReentrantLock} belongs to the thread that took it until that thread releases it; the thread
 * can end, and the lock stays held, by nobody who will ever let go. {@code synchronized} cannot do this — the JVM
 * releases a monitor however the block is left — which is exactly what an explicit lock gives up.
 *
 * <p>Run it: {@code ./handbook 3.12}. It exits 4 (failure shown) because the next clerk waits for a lock held by a
 * thread that has ended.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.12} printed:
 * <pre>
 * An account holding 100. Clerk-1 tried to withdraw 500: IllegalArgumentException. Auditor-1's check failed: InterruptedException.
 * Then auditor-1 waits in ReentrantLock.lockInterruptibly for a lock owned by clerk-1, which has ended.
 * NEVER RELEASED: a failure left the section without unlock(); the lock's owner is gone, and no thread can release it. The demo interrupted the threads left waiting.
 * On a new account, clerk-3 waited for the lock behind an audit and was interrupted: its caller got InterruptedException.
 * Clerk-4 deposited 50: returned. Balance 150, deposits made 150.
 * </pre>
 */
public final class BadExample implements Account {

    private final ReentrantLock lock = new ReentrantLock();
    private long balance;

    @Override
    public void deposit(long amount) throws InterruptedException {
        lock.lockInterruptibly();
        balance += amount;
        lock.unlock();
    }

    @Override
    public void withdraw(long amount) throws InterruptedException {
        lock.lockInterruptibly();
        if (amount > balance) {
            // Wrong: leaves by the exception, and the unlock() below never runs.
            throw new IllegalArgumentException("balance " + balance + " is less than " + amount);
        }
        balance -= amount;
        lock.unlock();
    }

    @Override
    public void audit(LongConsumer auditor) throws InterruptedException {
        lock.lockInterruptibly();
        auditor.accept(balance);
        lock.unlock();
    }

    @Override
    public long balance() throws InterruptedException {
        lock.lockInterruptibly();
        long current = balance;
        lock.unlock();
        return current;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
