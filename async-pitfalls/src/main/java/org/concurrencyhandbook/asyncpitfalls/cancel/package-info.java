/**
 * 4.8 A {@code cancel} that does not cancel — {@code CompletableFuture.cancel(true)} completes the future and leaves
 * the work running.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §4.8 tells the whole of it.
 */
package org.concurrencyhandbook.asyncpitfalls.cancel;
