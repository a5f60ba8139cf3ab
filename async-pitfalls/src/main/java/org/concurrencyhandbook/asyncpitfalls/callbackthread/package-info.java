/**
 * 4.9 Callbacks on the wrong thread — a heavy {@code thenApply} runs on whichever thread completes the future, and
 * holds that thread — an I/O thread, an event loop — for as long as it works.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §4.9 tells the whole of it.
 */
package org.concurrencyhandbook.asyncpitfalls.callbackthread;
