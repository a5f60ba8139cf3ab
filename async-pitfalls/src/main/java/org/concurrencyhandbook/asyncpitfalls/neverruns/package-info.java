/**
 * 4.2 Work that never runs — Java's "coroutine was never awaited": a thread's {@code run()} called for
 * {@code start()}, side effects in a stream nobody consumes, and {@code thenApply} where {@code thenCompose} was meant.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §4.2 tells the whole of it.
 */
package org.concurrencyhandbook.asyncpitfalls.neverruns;
