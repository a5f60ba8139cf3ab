/**
 * 3.5 Busy waiting — a thread that waits for a signal by checking a flag in a loop, on a CPU for the whole wait.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §3.5 tells the whole of it.
 */
package org.concurrencyhandbook.apipitfalls.busywait;
