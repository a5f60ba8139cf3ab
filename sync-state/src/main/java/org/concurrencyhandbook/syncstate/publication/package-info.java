/**
 * 1.9 Unsafe publication &amp; double-checked locking — double-checked locking hands out a configuration still being
 * filled in.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §1.9 tells the whole of it.
 */
package org.concurrencyhandbook.syncstate.publication;
