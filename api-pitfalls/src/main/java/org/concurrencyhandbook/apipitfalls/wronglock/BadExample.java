package org.concurrencyhandbook.apipitfalls.wronglock;

/**
 * 3.10 Locking on the wrong object — {@code synchronized} on the boxed counter it then replaces.
 *
 * <p>The count of seats sold is an {@code Integer}, and the sale synchronizes on it: the field is right there, and it
 * is what the block protects. But {@code sold = before + seats} does not change the object; it puts a different
 * {@code Integer} in the field. A clerk who arrives while the first is still printing reads the field and locks the
 * object it finds — the old one, if the first has not written yet, and it waits; the new one, if it has, and it walks
 * straight in. From then on two clerks can be inside at once, read the same count, and sell the same seats. (Boxed
 * values are worse still: {@code Integer}s from -128 to 127 are shared by the whole JVM, and javac warns about
 * synchronizing on them at all.)
 *
 * <p>Run it: {@code ./handbook 3.10}. It exits 4 (failure shown) because seats were sold twice.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.10} printed:
 * <pre>
 * 3 clerks sold 2 seats each; each came to the till while the one before was printing its tickets.
 * Tickets printed for seats [1, 2, 3, 4, 3, 4]; seats sold, as the box office counts them: 4 of 6.
 * SOLD TWICE: seats [3, 4]. Inside the synchronized block at once: clerk-2 holding Integer{@literal @}ec0d204, clerk-3 holding Integer{@literal @}7934ea33 — each clerk locked whatever object it found, and they were not the same.
 * Another component of the JVM, holding the strings "lock" and "LOCK", the Integer 0 and the box office's class locked for its own reasons, held up a sale until it let go.
 * SHARED LOCK: the box office locks an object the whole JVM can reach, so unrelated code can stall it, or deadlock with it.
 * </pre>
 */
public final class BadExample implements BoxOffice {

    private final TicketPrinter printer;
    private Integer sold = 0;

    public BadExample(TicketPrinter printer) {
        this.printer = printer;
    }

    @Override
    public void sell(int seats) {
        // Wrong: the lock is whatever Integer the field holds when a clerk arrives, and the block replaces it.
        synchronized (sold) {
            int before = sold;
            printer.print(before + 1, seats);
            sold = before + seats;
        }
    }

    @Override
    public int sold() {
        synchronized (sold) {
            return sold;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
