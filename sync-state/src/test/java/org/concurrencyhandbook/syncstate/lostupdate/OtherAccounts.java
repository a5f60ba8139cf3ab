package org.concurrencyhandbook.syncstate.lostupdate;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The accounts 1.3's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherAccounts {

    private OtherAccounts() {
    }

    /**
     * Wrong: the balance made {@code volatile}. It tempts because every teller now sees the latest balance; it fails
     * because seeing it is not the problem — the read, the ledger call and the write are still three steps.
     */
    static final class VolatileBalance implements Account {
        private final Ledger ledger;
        private volatile long balance;

        VolatileBalance(Ledger ledger) {
            this.ledger = ledger;
        }

        @Override
        public void deposit(long amount) {
            long current = balance;
            ledger.record(amount);
            balance = current + amount;
        }

        @Override
        public long balance() {
            return balance;
        }
    }

    /**
     * Wrong: an {@code AtomicLong}, used as {@code get} then {@code set}. It tempts because "the balance is atomic
     * now"; it fails because each call is atomic and the pair is not.
     */
    static final class AtomicGetThenSet implements Account {
        private final Ledger ledger;
        private final AtomicLong balance = new AtomicLong();

        AtomicGetThenSet(Ledger ledger) {
            this.ledger = ledger;
        }

        @Override
        public void deposit(long amount) {
            long current = balance.get();
            ledger.record(amount);
            balance.set(current + amount);
        }

        @Override
        public long balance() {
            return balance.get();
        }
    }

    /**
     * Wrong: a synchronized getter and setter, the field annotated {@code @GuardedBy("this")}. It tempts because every
     * access now holds the lock — Error Prone's {@code GuardedBy} check agrees and stays silent; it fails because the
     * lock is let go between the read and the write, and the deposits that land in between are lost.
     */
    static final class SynchronizedGetterAndSetter implements Account {
        private final Ledger ledger;
        @GuardedBy("this")
        private long balance;

        SynchronizedGetterAndSetter(Ledger ledger) {
            this.ledger = ledger;
        }

        @Override
        public void deposit(long amount) {
            long current = balance();
            ledger.record(amount);
            setBalance(current + amount);
        }

        @Override
        public synchronized long balance() {
            return balance;
        }

        private synchronized void setBalance(long balance) {
            this.balance = balance;
        }
    }

    /**
     * Right: {@code synchronized} around the read and the write; the slow ledger is told outside the lock. The field
     * is annotated {@code @GuardedBy("this")}, so Error Prone's {@code GuardedBy} check fails any access written later
     * without the lock.
     */
    static final class SynchronizedUpdate implements Account {
        private final Ledger ledger;
        @GuardedBy("this")
        private long balance;

        SynchronizedUpdate(Ledger ledger) {
            this.ledger = ledger;
        }

        @Override
        public void deposit(long amount) {
            synchronized (this) {
                balance += amount;
            }
            ledger.record(amount);
        }

        @Override
        public synchronized long balance() {
            return balance;
        }
    }

    /** Right: a {@code LongAdder} — many writers, a total read rarely. */
    static final class Adder implements Account {
        private final Ledger ledger;
        private final LongAdder balance = new LongAdder();

        Adder(Ledger ledger) {
            this.ledger = ledger;
        }

        @Override
        public void deposit(long amount) {
            balance.add(amount);
            ledger.record(amount);
        }

        @Override
        public long balance() {
            return balance.sum();
        }
    }
}
