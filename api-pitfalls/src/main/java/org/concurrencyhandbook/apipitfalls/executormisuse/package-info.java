/**
 * 3.6 Executor misuse: unbounded threads, silent rejection — a pool that starts a thread per waiting task, and the
 * bounded pools that fix it wrongly: one that discards what it cannot take, one that never grows past its core.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §3.6 tells the whole of it.
 */
package org.concurrencyhandbook.apipitfalls.executormisuse;
