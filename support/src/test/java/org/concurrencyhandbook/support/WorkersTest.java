package org.concurrencyhandbook.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WorkersTest {

    @Test
    void everyWorkerRunsOnANamedDaemonThreadAndIsWaitedFor() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Workers workers = new Workers();
        Thread first = workers.add("worker-1", ran::incrementAndGet);
        workers.add("worker-2", ran::incrementAndGet);

        workers.startAll().awaitAll(Duration.ofSeconds(10));

        assertThat(ran).hasValue(2);
        assertThat(first.getName()).isEqualTo("worker-1");
        assertThat(first.isDaemon()).isTrue();
        assertThat(first.isAlive()).isFalse();
    }

    @Test
    void theFirstFailureOfAWorkerIsRethrownToTheScenario() {
        Workers workers = new Workers();
        workers.add("failing", () -> {
            throw new IllegalArgumentException("broken");
        });

        assertThatThrownBy(() -> workers.startAll().awaitAll(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken");
    }

    @Test
    void aWorkerStillRunningAtTheLimitIsAnErrorNotAHang() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Workers workers = new Workers();
        Thread stuck = workers.add("stuck", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThatThrownBy(() -> workers.startAll().awaitAll(Duration.ofMillis(100)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("stuck did not finish within 100 ms");
            assertThat(stuck.join(Duration.ofSeconds(10))).as("the stuck worker was interrupted, and ended").isTrue();
        } finally {
            release.countDown();
            stuck.join();
        }
    }
}
