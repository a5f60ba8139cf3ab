/**
 * 2.6 Class-initialization deadlock — two classes whose static initializers use each other, first used on two threads
 * at once, never finish initializing.
 *
 * <p>Read {@code BadExample}, then {@code GoodExample}: the lines that differ are the lesson. {@code Scenario} is the
 * story both run, and judges them by the same invariant; the test beside it under {@code src/test/java} proves the
 * verdicts. GUIDE.md §2.6 tells the whole of it.
 */
package org.concurrencyhandbook.contentiondeadlock.classinit;
