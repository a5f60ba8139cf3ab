package org.concurrencyhandbook.apipitfalls.wronglock;

/**
 * 3.10 Locking on the wrong object — a {@code private final} lock object, made for nothing else.
 *
 * <p>The count is a plain {@code int}, and the lock is its own object: {@code final}, so every clerk finds the same
 * one for the life of the box office; {@code private}, so no code outside can lock it and hold up a sale, or be held
 * up by one; a {@code new Object()}, so it is nobody else's — not an interned string, not a cached boxed value.
 * {@code synchronized} methods (the lock is then the box office itself), a {@code ReentrantLock} in a {@code final}
 * field, or no lock at all — an {@code AtomicInteger} that hands each clerk its seats in one step — are right too;
 * {@code WrongLockObjectTest} runs them beside this one.
 *
 * <p>Run it: {@code ./handbook 3.10}. It exits 0 because every seat was sold once, and nothing else held up a sale.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.10} printed:
 * <pre>
 * 3 clerks sold 2 seats each; each came to the till while the one before was printing its tickets.
 * Tickets printed for seats [1, 2, 3, 4, 5, 6]; seats sold, as the box office counts them: 6 of 6.
 * Another component of the JVM, holding the strings "lock" and "LOCK", the Integer 0 and the box office's class locked for its own reasons, held up no sale.
 * Every seat sold once; the clerks queued on one lock, and no one else held it.
 * </pre>
 */
public final class GoodExample implements BoxOffice {

    private final TicketPrinter printer;
    private final Object lock = new Object();
    private int sold;

    public GoodExample(TicketPrinter printer) {
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

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
