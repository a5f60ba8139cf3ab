/**
 * 3.9 Swallowed {@code InterruptedException} — a task that catches the interrupt and carries on cannot be stopped:
 * {@code shutdownNow()} asks, and nobody hears.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §3.9 tells the whole of it.
 */
package org.concurrencyhandbook.apipitfalls.interruption;
