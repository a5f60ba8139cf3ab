/**
 * 2.5 Thread-starvation deadlock in a bounded pool — tasks on a full pool wait for tasks queued behind them on the same
 * pool.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §2.5 tells the whole of it.
 */
package org.concurrencyhandbook.contentiondeadlock.poolstarvation;
