/**
 * 2.3 Starvation — a non-fair lock lets a busy writer barge in ahead of a queued reader thousands of times.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §2.3 tells the whole of it.
 */
package org.concurrencyhandbook.contentiondeadlock.starvation;
