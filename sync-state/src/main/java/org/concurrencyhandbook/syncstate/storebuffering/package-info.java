/**
 * 1.8 Reordering (store buffering) — each thread raises its own flag, then sees the other's still down: store→load
 * reordering, even on x86-64.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §1.8 tells the whole of it.
 */
package org.concurrencyhandbook.syncstate.storebuffering;
