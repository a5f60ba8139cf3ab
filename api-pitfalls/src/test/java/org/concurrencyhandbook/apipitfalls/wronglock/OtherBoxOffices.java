package org.concurrencyhandbook.apipitfalls.wronglock;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.concurrencyhandbook.testkit.Fix;

/** The box offices 3.10's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherBoxOffices {

    static final Fix<Function<BoxOffice.TicketPrinter, BoxOffice>> FRESH_OBJECT =
            Fix.of("synchronized (new Object())", FreshObject::new);
    static final Fix<Function<BoxOffice.TicketPrinter, BoxOffice>> ANONYMOUS_THIS =
            Fix.of("synchronized (this) in an anonymous class", AnonymousThis::new);
    /** Private, final, one object for every clerk — and one that code anywhere in the JVM can lock too. */
    static final List<Fix<Function<BoxOffice.TicketPrinter, BoxOffice>>> JVM_SHARED_LOCKS = List.of(
            Fix.of("a private final String lock = \"lock\"", printer -> new LockedOn("lock", printer)),
            Fix.of("a private static final String LOCK = \"LOCK\"", StaticStringConstant::new),
            Fix.of("a private final Integer lock = 0", printer -> new LockedOn(0, printer)),
            Fix.of("synchronized (TheClass.class)", ClassLiteral::new));
    static final List<Fix<Function<BoxOffice.TicketPrinter, BoxOffice>>> RIGHT_FIXES = List.of(
            Fix.of("synchronized methods", SynchronizedMethods::new),
            Fix.of("a ReentrantLock", Reentrant::new),
            Fix.of("synchronized (this) in a lambda", LambdaThis::new),
            Fix.of("AtomicInteger.getAndAdd, no lock", Atomic::new));

    private OtherBoxOffices() {
    }

    /** Told to lock on a private object, and made a new one for every sale: nobody else ever locks it. */
    private static final class FreshObject implements BoxOffice {
        private final TicketPrinter printer;
        private int sold;

        FreshObject(TicketPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void sell(int seats) {
            synchronized (new Object()) {
                int before = sold;
                printer.print(before + 1, seats);
                sold = before + seats;
            }
        }

        @Override
        public synchronized int sold() {
            return sold;
        }
    }

    /**
     * The sale moved into an anonymous {@code Runnable}, and {@code synchronized (this)} moved with it: {@code this} is
     * now the {@code Runnable}, a new one for every sale.
     */
    private static final class AnonymousThis implements BoxOffice {
        private final TicketPrinter printer;
        private int sold;

        AnonymousThis(TicketPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void sell(int seats) {
            Runnable sale = new Runnable() {
                @Override
                public void run() {
                    synchronized (this) {
                        int before = sold;
                        printer.print(before + 1, seats);
                        sold = before + seats;
                    }
                }
            };
            sale.run();
        }

        @Override
        public synchronized int sold() {
            return sold;
        }
    }

    /**
     * A final lock that looks private: a string literal is interned — the same object as every other {@code "lock"}
     * in the JVM — and a small {@code Integer} is cached, the same object as every other boxed 0.
     */
    private static final class LockedOn implements BoxOffice {
        private final TicketPrinter printer;
        private final Object lock;
        private int sold;

        LockedOn(Object lock, TicketPrinter printer) {
            this.lock = lock;
            this.printer = printer;
        }

        @Override
        public void sell(int seats) {
            synchronized (lock) {
                int before = sold;
                printer.print(before + 1, seats);
                sold = before + seats;
            }
        }

        @Override
        public int sold() {
            synchronized (lock) {
                return sold;
            }
        }
    }

    /** The constant written the way style guides write constants: still the JVM's one {@code "LOCK"}. */
    private static final class StaticStringConstant implements BoxOffice {
        private static final String LOCK = "LOCK";
        private final TicketPrinter printer;
        private int sold;

        StaticStringConstant(TicketPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void sell(int seats) {
            synchronized (LOCK) {
                int before = sold;
                printer.print(before + 1, seats);
                sold = before + seats;
            }
        }

        @Override
        public int sold() {
            synchronized (LOCK) {
                return sold;
            }
        }
    }

    /** A class object: one per class, and public to anyone who can name the class. */
    private static final class ClassLiteral implements BoxOffice {
        private final TicketPrinter printer;
        private int sold;

        ClassLiteral(TicketPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void sell(int seats) {
            synchronized (ClassLiteral.class) {
                int before = sold;
                printer.print(before + 1, seats);
                sold = before + seats;
            }
        }

        @Override
        public int sold() {
            synchronized (ClassLiteral.class) {
                return sold;
            }
        }
    }

    private static final class SynchronizedMethods implements BoxOffice {
        private final TicketPrinter printer;
        private int sold;

        SynchronizedMethods(TicketPrinter printer) {
            this.printer = printer;
        }

        @Override
        public synchronized void sell(int seats) {
            int before = sold;
            printer.print(before + 1, seats);
            sold = before + seats;
        }

        @Override
        public synchronized int sold() {
            return sold;
        }
    }

    private static final class Reentrant implements BoxOffice {
        private final TicketPrinter printer;
        private final ReentrantLock lock = new ReentrantLock();
        private int sold;

        Reentrant(TicketPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void sell(int seats) {
            lock.lock();
            try {
                int before = sold;
                printer.print(before + 1, seats);
                sold = before + seats;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int sold() {
            lock.lock();
            try {
                return sold;
            } finally {
                lock.unlock();
            }
        }
    }

    /** The anonymous class's sale as a lambda: a lambda has no {@code this} of its own — it is the box office's. */
    private static final class LambdaThis implements BoxOffice {
        private final TicketPrinter printer;
        private int sold;

        LambdaThis(TicketPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void sell(int seats) {
            Runnable sale = () -> {
                synchronized (this) {
                    int before = sold;
                    printer.print(before + 1, seats);
                    sold = before + seats;
                }
            };
            sale.run();
        }

        @Override
        public synchronized int sold() {
            return sold;
        }
    }

    /** No lock: each clerk claims its seats in one atomic step, then prints them. */
    private static final class Atomic implements BoxOffice {
        private final TicketPrinter printer;
        private final AtomicInteger sold = new AtomicInteger();

        Atomic(TicketPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void sell(int seats) {
            int before = sold.getAndAdd(seats);
            printer.print(before + 1, seats);
        }

        @Override
        public int sold() {
            return sold.get();
        }
    }
}
