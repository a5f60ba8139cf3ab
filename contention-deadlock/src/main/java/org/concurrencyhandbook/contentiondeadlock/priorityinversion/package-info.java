/**
 * 2.4 Priority inversion — an urgent job waits for a low-priority job that medium-priority jobs keep from finishing.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §2.4 tells the whole of it.
 */
package org.concurrencyhandbook.contentiondeadlock.priorityinversion;
