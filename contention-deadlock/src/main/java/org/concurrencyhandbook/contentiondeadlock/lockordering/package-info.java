/**
 * 2.1 Deadlock (lock ordering) — two transfers lock the same two accounts in opposite orders and wait for each other
 * for ever.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §2.1 tells the whole of it.
 */
package org.concurrencyhandbook.contentiondeadlock.lockordering;
