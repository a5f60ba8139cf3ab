/**
 * 1.1 Race condition (check-then-act) — two threads check that a client is missing and both create it: check and act
 * must be one atomic step.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §1.1 tells the whole of it.
 */
package org.concurrencyhandbook.syncstate.checkthenact;
