/**
 * 3.11 Iterating a collection others modify — a loop over a list that another thread changes mid-loop throws
 * {@code ConcurrentModificationException}, or, written to avoid it, silently skips elements.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §3.11 tells the whole of it.
 */
package org.concurrencyhandbook.apipitfalls.iteration;
