/**
 * 1.3 Lost update — read, add, write back: concurrent deposits overwrite each other and vanish without a trace.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §1.3 tells the whole of it.
 */
package org.concurrencyhandbook.syncstate.lostupdate;
