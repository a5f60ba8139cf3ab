/**
 * 1.11 ABA problem — a compare-and-set sees node A on top again and corrupts a lock-free stack that recycles its nodes.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §1.11 tells the whole of it.
 */
package org.concurrencyhandbook.syncstate.aba;
