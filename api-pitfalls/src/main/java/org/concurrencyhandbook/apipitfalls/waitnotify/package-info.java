/**
 * 3.8 {@code wait}/{@code notify} misuse — an {@code if} where a {@code while} belongs lets a woken thread act on a
 * condition that no longer holds; a {@code notify()} where threads wait for different conditions wakes the wrong one,
 * and the right one sleeps for ever.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §3.8 tells the whole of it.
 */
package org.concurrencyhandbook.apipitfalls.waitnotify;
