/**
 * 3.4 Uncaught exceptions in threads — a job that throws on a thread of its own, or inside a pool's {@code submit},
 * and a caller that never hears of it.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §3.4 tells the whole of it.
 */
package org.concurrencyhandbook.apipitfalls.uncaught;
