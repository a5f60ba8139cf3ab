/**
 * 4.7 Pooling virtual threads; unbounded fan-out into a scarce resource — a virtual thread per task overruns a resource
 * that takes ten callers at once; a pool of ten virtual threads protects it and throttles everything else too.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §4.7 tells the whole of it.
 */
package org.concurrencyhandbook.asyncpitfalls.fanout;
