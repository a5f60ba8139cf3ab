/**
 * 4.11 Thread-local caches under virtual threads — an expensive object cached per thread caches nothing when every
 * task has a thread of its own.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §4.11 tells the whole of it.
 */
package org.concurrencyhandbook.asyncpitfalls.threadlocalcache;
