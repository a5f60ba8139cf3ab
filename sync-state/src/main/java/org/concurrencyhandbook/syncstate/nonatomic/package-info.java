/**
 * 1.6 Non-atomic operations — {@code volatile} total{@code ++} and a get-then-put on a {@code ConcurrentHashMap} lose
 * counts: each call is atomic, the sequence is not.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §1.6 tells the whole of it.
 */
package org.concurrencyhandbook.syncstate.nonatomic;
