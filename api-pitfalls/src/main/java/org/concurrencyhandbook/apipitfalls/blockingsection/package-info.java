/**
 * 3.2 Blocking in a critical section — slow I/O done while holding the lock that readers of every other key need.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §3.2 tells the whole of it.
 */
package org.concurrencyhandbook.apipitfalls.blockingsection;
