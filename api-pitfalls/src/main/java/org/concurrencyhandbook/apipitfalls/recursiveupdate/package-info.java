/**
 * 3.13 {@code computeIfAbsent} that updates its own map — a recursive memoizer on
 * {@code ConcurrentHashMap.computeIfAbsent}: fine for small inputs, {@code IllegalStateException: Recursive update} for
 * larger ones.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §3.13 tells the whole of it.
 */
package org.concurrencyhandbook.apipitfalls.recursiveupdate;
