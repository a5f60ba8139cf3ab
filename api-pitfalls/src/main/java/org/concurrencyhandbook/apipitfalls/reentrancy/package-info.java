/**
 * 3.3 Non-reentrant lock self-deadlock — a method holding a {@code StampedLock} calls another method that takes it
 * again, and the thread waits for itself for ever.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §3.3 tells the whole of it.
 */
package org.concurrencyhandbook.apipitfalls.reentrancy;
