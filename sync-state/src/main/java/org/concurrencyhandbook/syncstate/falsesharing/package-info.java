/**
 * 1.12 False sharing — two counters in one cache line make two threads several times slower together than one alone.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §1.12 tells the whole of it.
 */
package org.concurrencyhandbook.syncstate.falsesharing;
