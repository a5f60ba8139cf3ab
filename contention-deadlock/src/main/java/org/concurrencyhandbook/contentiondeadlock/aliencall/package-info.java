/**
 * 2.7 Calling alien code under a lock — a callback made while holding a lock calls back into code that waits for
 * another lock: a cycle nobody wrote.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §2.7 tells the whole of it.
 */
package org.concurrencyhandbook.contentiondeadlock.aliencall;
