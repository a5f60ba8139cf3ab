/**
 * 1.5 Inconsistent state / partial update — a transfer stopped between its debit and its credit loses money, and others
 * see it half done.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §1.5 tells the whole of it.
 */
package org.concurrencyhandbook.syncstate.partialupdate;
