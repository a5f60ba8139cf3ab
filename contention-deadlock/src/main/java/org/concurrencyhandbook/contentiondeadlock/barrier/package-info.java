/**
 * 2.9 A barrier that never trips — a worker that fails before a barrier leaves the others waiting at it for ever.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §2.9 tells the whole of it.
 */
package org.concurrencyhandbook.contentiondeadlock.barrier;
