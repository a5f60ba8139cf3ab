package org.concurrencyhandbook.syncstate.aba;

import java.util.List;

/** A lock-free stack of work items that recycles its nodes. Both examples implement it. */
public interface WorkStack {

    void push(String item);

    /** The top item, removed; {@code null} when the stack is empty. */
    String pop();

    /** The items from top to bottom; only meaningful when no thread is pushing or popping. */
    List<String> contents();

    /**
     * Where the scenario can step in during {@link #pop()}: after the top node and its successor have been read, and
     * before the compare-and-set that unlinks the top. In production nothing happens there — a thread can still be
     * descheduled at that very point.
     */
    @FunctionalInterface
    interface BeforeSwap {
        void reached();
    }
}
