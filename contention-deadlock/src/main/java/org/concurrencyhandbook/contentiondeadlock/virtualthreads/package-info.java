/**
 * 2.10 Deadlocks the tools cannot see: virtual threads — the deadlock of 2.1 on virtual threads, where ThreadMXBean and
 * jcmd Thread.print see nothing.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §2.10 tells the whole of it.
 */
package org.concurrencyhandbook.contentiondeadlock.virtualthreads;
