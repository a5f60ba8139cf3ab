/**
 * 4.3 The exception nobody retrieves — a {@code CompletableFuture} stage that throws, in a chain whose future nobody
 * holds: no stack trace, no uncaught-exception handler, nobody told.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §4.3 tells the whole of it.
 */
package org.concurrencyhandbook.asyncpitfalls.unretrieved;
