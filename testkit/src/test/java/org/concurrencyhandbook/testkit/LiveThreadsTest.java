package org.concurrencyhandbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LiveThreadsTest {

    @Test
    void liveThreadsNamesTheThreadsLeftBehind() throws Exception {
        LiveThreads before = LiveThreads.snapshot();
        CountDownLatch release = new CountDownLatch(1);
        Thread leftBehind = Thread.ofPlatform().name("left-behind").start(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // end of test
            }
        });
        try {
            assertThat(before.startedSinceAndStillAlive()).anyMatch(name -> name.startsWith("left-behind ("));
        } finally {
            release.countDown();
            leftBehind.join();
        }
        assertThat(before.startedSinceAndStillAlive()).noneMatch(name -> name.startsWith("left-behind"));
    }
}
