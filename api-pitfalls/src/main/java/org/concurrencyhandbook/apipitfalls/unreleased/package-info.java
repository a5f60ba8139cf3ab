/**
 * 3.12 A lock never released — an exception between {@code lock()} and {@code unlock()} leaves an explicit lock held
 * for ever, by a thread that may already have ended.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §3.12 tells the whole of it.
 */
package org.concurrencyhandbook.apipitfalls.unreleased;
