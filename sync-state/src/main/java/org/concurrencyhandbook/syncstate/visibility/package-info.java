/**
 * 1.7 Memory visibility — a loop on a plain flag never sees it cleared: the JIT reads the field once, outside the loop.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §1.7 tells the whole of it.
 */
package org.concurrencyhandbook.syncstate.visibility;
