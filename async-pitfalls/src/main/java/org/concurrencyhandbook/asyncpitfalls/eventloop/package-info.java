/**
 * 4.1 Blocking the event loop — a blocking call on the one thread that runs everyone's quick work holds all of it up,
 * for as long as the call blocks.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §4.1 tells the whole of it.
 */
package org.concurrencyhandbook.asyncpitfalls.eventloop;
