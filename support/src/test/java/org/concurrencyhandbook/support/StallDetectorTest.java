package org.concurrencyhandbook.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StallDetectorTest {

    @Test
    void findsAndRendersAReentrantLockCycle() throws Exception {
        ReentrantLock left = new ReentrantLock();
        ReentrantLock right = new ReentrantLock();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        // lockInterruptibly lets the test break the cycle afterwards: no thread outlives the test.
        Thread first = lockBoth("first", left, right, bothHoldOne);
        Thread second = lockBoth("second", right, left, bothHoldOne);
        try {
            LockNames names = LockNames.of(left, "the left lock").and(right, "the right lock");
            Watchdog.Outcome outcome = Watchdog.watch(List.of(first, second)).onDeadlock().naming(names).start()
                    .awaitOutcome(Duration.ofSeconds(10));

            assertThat(outcome.kind()).isEqualTo(Watchdog.Outcome.Kind.DEADLOCK);
            assertThat(outcome.diagnosis())
                    .contains("Deadlock: 2 threads wait for each other")
                    .contains("\"first\" holds the left lock and waits in ReentrantLock.lockInterruptibly for the right lock,"
                            + " held by \"second\", at a lambda in StallDetectorTest.lockBoth (StallDetectorTest.java:")
                    .containsPattern("cycle: \"(first|second)\" -> \"(second|first)\" -> \"\\1\"")
                    .contains(StallDetector.howToAskForStacks())
                    .doesNotContain("Locked ownable synchronizers:");
            assertThat(StallDetector.dump(List.of(first, second), names))
                    .contains("\"first\" #" + first.threadId() + " daemon WAITING on the right lock owned by \"second\"")
                    .contains("Locked ownable synchronizers:\n\t-  the left lock")
                    .contains("at " + StallDetectorTest.class.getName());
            assertThat(StallDetector.findDeadlock(List.of(Thread.currentThread()))).isEmpty();
        } finally {
            first.interrupt();
            second.interrupt();
            first.join(5_000);
            second.join(5_000);
        }
        assertThat(StallDetector.findDeadlock()).isEmpty();
    }

    @Test
    void aCycleOfTimedWaitsIsNotADeadlockThoughThreadMxBeanReportsIt() throws Exception {
        ReentrantLock left = new ReentrantLock();
        ReentrantLock right = new ReentrantLock();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        Thread first = tryLockBoth("first", left, right, bothHoldOne);
        Thread second = tryLockBoth("second", right, left, bothHoldOne);
        try {
            long[] reported = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> ManagementFactory.getThreadMXBean().findDeadlockedThreads(), Objects::nonNull);

            assertThat(reported).as("ThreadMXBean reports the cycle of two timed tryLocks")
                    .containsExactlyInAnyOrder(first.threadId(), second.threadId());
            assertThat(StallDetector.findDeadlock(List.of(first, second))).isEmpty();
        } finally {
            first.interrupt();
            second.interrupt();
            first.join(5_000);
            second.join(5_000);
        }
    }

    @Test
    void threadsThatFinishAreNotAStall() throws Exception {
        Thread quick = Thread.ofPlatform().start(() -> { });
        Watchdog.Outcome outcome = Watchdog.watch(List.of(quick)).onDeadlock().start().awaitOutcome(Duration.ofSeconds(10));

        assertThat(outcome.kind()).isEqualTo(Watchdog.Outcome.Kind.FINISHED);
    }

    @Test
    void aCounterThatStopsMovingIsReportedAsNoProgress() throws Exception {
        ReentrantLock never = new ReentrantLock();
        never.lock();
        Thread stuck = Thread.ofPlatform().daemon().name("stuck").start(() -> {
            try {
                never.lockInterruptibly();
            } catch (InterruptedException released) {
                // end of test
            }
        });
        try {
            Watchdog.Outcome outcome = Watchdog.watch(List.of(stuck)).onNoProgress(() -> 42, Duration.ofMillis(300))
                    .start().awaitOutcome(Duration.ofSeconds(10));

            assertThat(outcome.kind()).isEqualTo(Watchdog.Outcome.Kind.NO_PROGRESS);
            assertThat(outcome.diagnosis()).contains("counter stuck at 42")
                    .contains("\"stuck\" waits in ReentrantLock.lockInterruptibly for ReentrantLock$NonfairSync@");
        } finally {
            stuck.interrupt();
            stuck.join(5_000);
        }
    }

    private static Thread tryLockBoth(String name, ReentrantLock outer, ReentrantLock inner, CyclicBarrier barrier) {
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                outer.lockInterruptibly();
                try {
                    barrier.await();
                    if (inner.tryLock(60, java.util.concurrent.TimeUnit.SECONDS)) {
                        inner.unlock();
                    }
                } finally {
                    outer.unlock();
                }
            } catch (Exception released) {
                // interrupted by the test
            }
        });
    }

    private static Thread lockBoth(String name, ReentrantLock outer, ReentrantLock inner, CyclicBarrier barrier) {
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                outer.lockInterruptibly();
                try {
                    barrier.await();
                    inner.lockInterruptibly();
                    inner.unlock();
                } finally {
                    outer.unlock();
                }
            } catch (Exception released) {
                // interrupted by the test once the deadlock was seen
            }
        });
    }
}
