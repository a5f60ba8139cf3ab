/**
 * 1.2 Data race on a collection — a HashMap filled by two threads at once loses entries and miscounts its size: an
 * unsynchronized collection is a data race.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §1.2 tells the whole of it.
 */
package org.concurrencyhandbook.syncstate.collectionrace;
