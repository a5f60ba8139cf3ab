/**
 * 2.8 Resource-pool deadlock — every task holds one pooled connection and waits for a second: the pool is empty for
 * ever.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §2.8 tells the whole of it.
 */
package org.concurrencyhandbook.contentiondeadlock.resourcepool;
