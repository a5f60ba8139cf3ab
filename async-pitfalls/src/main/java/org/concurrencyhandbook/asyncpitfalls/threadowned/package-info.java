/**
 * 4.4 Thread-owned primitives across async stages — a {@code ReentrantLock} or a {@code ThreadLocal} belongs to a
 * thread, and the stages of one request run on different threads.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §4.4 tells the whole of it.
 */
package org.concurrencyhandbook.asyncpitfalls.threadowned;
