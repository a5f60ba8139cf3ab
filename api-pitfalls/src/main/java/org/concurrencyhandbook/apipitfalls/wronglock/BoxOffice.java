package org.concurrencyhandbook.apipitfalls.wronglock;

/** A theatre's box office: clerks sell the next free seats, in order, and print their tickets. */
public interface BoxOffice {

    /** Sells the next {@code seats} seats and prints their tickets. */
    void sell(int seats);

    /** Seats sold so far. */
    int sold();

    /** Prints the tickets of a sale: seats {@code firstSeat} to {@code firstSeat + seats - 1}. */
    @FunctionalInterface
    interface TicketPrinter {
        void print(int firstSeat, int seats);
    }
}
