/**
 * 2.2 Livelock — two polite workers back off in step, again and again: busy, never blocked, nothing done.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §2.2 tells the whole of it.
 */
package org.concurrencyhandbook.contentiondeadlock.livelock;
