/**
 * 3.1 Improper locking granularity — one lock for the whole bank serializes work on accounts that never meet; a lock
 * per field breaks the invariant that spans two of them.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §3.1 tells the whole of it.
 */
package org.concurrencyhandbook.apipitfalls.granularity;
