/**
 * 3.10 Locking on the wrong object — a {@code synchronized} block on an object that changes, or that every caller
 * gets a new one of, or that the whole JVM shares: the block excludes nobody it should, or someone it should not.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §3.10 tells the whole of it.
 */
package org.concurrencyhandbook.apipitfalls.wronglock;
