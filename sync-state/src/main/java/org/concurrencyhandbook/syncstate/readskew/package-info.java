/**
 * 1.4 Dirty read / read skew — two fields written one at a time are read half old, half new: a band no writer ever set.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §1.4 tells the whole of it.
 */
package org.concurrencyhandbook.syncstate.readskew;
