package org.concurrencyhandbook.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AwaitTest {

    @Test
    void returnsWhenTheOtherThreadArrives() throws Exception {
        Set<Thread> arrived = ConcurrentHashMap.newKeySet();
        CountDownLatch leave = new CountDownLatch(1);
        Thread other = Thread.ofPlatform().start(() -> {
            arrived.add(Thread.currentThread());
            awaitQuietly(leave);
        });
        Await.arrivedOrBlocked(List.of(other), arrived::contains, Duration.ofSeconds(10));

        assertThat(arrived).containsExactly(other);
        leave.countDown();
        other.join();
    }

    @Test
    void returnsWhenTheOtherThreadIsBlockedOnAMonitorWeHold() throws Exception {
        Object lock = new Object();
        Thread other;
        synchronized (lock) {
            other = Thread.ofPlatform().start(() -> {
                synchronized (lock) {
                    lock.notifyAll();
                }
            });
            Await.arrivedOrBlocked(List.of(other), t -> false, Duration.ofSeconds(10));

            assertThat(other.getState()).isEqualTo(Thread.State.BLOCKED);
        }
        other.join();
    }

    @Test
    void byMeReturnsWhenTheOtherThreadQueuesForAReentrantLockWeHold() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        Thread other;
        try {
            other = Thread.ofPlatform().start(() -> {
                lock.lock();
                lock.unlock();
            });
            Await.arrivedOrBlockedByMe(List.of(other), t -> false, Duration.ofSeconds(10));

            assertThat(lock.hasQueuedThread(other)).isTrue();
        } finally {
            lock.unlock();
        }
        other.join();
    }

    @Test
    void byMeKeepsWaitingForAThreadThatWaitsForSomethingElse() throws Exception {
        CountDownLatch elsewhere = new CountDownLatch(1);
        Thread other = Thread.ofPlatform().start(() -> awaitQuietly(elsewhere));
        try {
            assertThatThrownBy(() -> Await.arrivedOrBlockedByMe(List.of(other), t -> false, Duration.ofMillis(200)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("neither arrived nor blocked on a lock");
        } finally {
            elsewhere.countDown();
            other.join();
        }
    }

    @Test
    void failsWhenTheOtherThreadNeitherArrivesNorBlocks() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Thread busy = Thread.ofPlatform().start(() -> {
            while (stop.getCount() > 0) {
                Thread.onSpinWait();
            }
        });
        try {
            assertThatThrownBy(() -> Await.arrivedOrBlocked(List.of(busy), t -> false, Duration.ofMillis(200)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("neither arrived nor blocked");
        } finally {
            stop.countDown();
            busy.join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void atAFirstPassTogetherSeamEachThreadWaitsOnceForTheOthers() throws Exception {
        List<Thread> group = new java.util.ArrayList<>();
        Runnable seam = Await.firstPassTogether(group, Duration.ofSeconds(10));
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable pass = () -> {
            seam.run();
            order.add("past " + Thread.currentThread().getName());
            seam.run();
        };
        group.add(Thread.ofPlatform().name("early").unstarted(pass));
        group.add(Thread.ofPlatform().name("late").unstarted(pass));
        group.getFirst().start();
        // The early thread must stay at the seam while the late one has not started.
        org.awaitility.Awaitility.await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(order::isEmpty);
        group.getLast().start();
        for (Thread thread : group) {
            thread.join(10_000);
        }

        assertThat(order).containsExactlyInAnyOrder("past early", "past late");
    }

    @Test
    void aLatchThatStaysShutIsAnErrorThatSaysWhat() {
        assertThatThrownBy(() -> Await.opened(new CountDownLatch(1), Duration.ofMillis(50), "the loader never started"))
                .isInstanceOf(IllegalStateException.class).hasMessage("the loader never started");
    }
}
