/**
 * 4.6 Virtual-thread pinning — a price list loaded in a class initializer: on JDK 25 the virtual thread that blocks in
 * it, and every virtual thread that waits for it, keeps its carrier, and nothing else runs; loaded in an ordinary
 * method, the same blocking call unmounts.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §4.6 tells the whole of it.
 */
package org.concurrencyhandbook.asyncpitfalls.pinning;
