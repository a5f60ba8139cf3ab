/**
 * 1.10 {@code this} escaping the constructor — a constructor that subscribes {@code this} lets the feed call a display
 * whose fields are still {@code null}.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §1.10 tells the whole of it.
 */
package org.concurrencyhandbook.syncstate.thisescape;
