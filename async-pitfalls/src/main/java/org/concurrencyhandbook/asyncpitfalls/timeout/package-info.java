/**
 * 4.10 No timeout — a {@code join()} on a future that never completes waits for ever; a timeout that only frees the
 * caller leaves the work running.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §4.10 tells the whole of it.
 */
package org.concurrencyhandbook.asyncpitfalls.timeout;
