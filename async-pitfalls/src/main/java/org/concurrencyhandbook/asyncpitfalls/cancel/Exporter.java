package org.concurrencyhandbook.asyncpitfalls.cancel;

/** Exports rows in the background, one at a time, and can be told to stop. Both examples implement it. */
public interface Exporter extends AutoCloseable {

    /** Starts writing rows {@code 1..rows} with {@code writer}, in the background. */
    Export start(int rows, RowWriter writer);

    /** Stops the exporter's own threads, if it has any. */
    @Override
    void close();

    /** Writes one row; waits until the destination can take it, and answers interrupts while it waits. */
    @FunctionalInterface
    interface RowWriter {
        void write(int row) throws InterruptedException;
    }

    /** A running export. */
    interface Export {
        /** Asks the export to stop: no row after the one in progress may be written. */
        void cancel();

        /** What the export says about itself. */
        boolean isCancelled();
    }
}
