/**
 * 3.7 Queue-specific issues — one poison pill for several consumers, and an {@code offer} whose {@code false} nobody
 * reads.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §3.7 tells the whole of it.
 */
package org.concurrencyhandbook.apipitfalls.queues;
