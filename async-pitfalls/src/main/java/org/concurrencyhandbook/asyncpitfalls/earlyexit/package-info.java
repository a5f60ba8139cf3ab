/**
 * 4.5 Exiting before background tasks complete — {@code main} returns while work on the common pool or on virtual
 * threads, all daemon threads, is still running, and the JVM ends it unfinished, without a word.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §4.5 tells the whole of it.
 */
package org.concurrencyhandbook.asyncpitfalls.earlyexit;
