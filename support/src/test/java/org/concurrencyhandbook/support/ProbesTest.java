package org.concurrencyhandbook.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ProbesTest {

    @Test
    void aSpinningThreadUsesCpuAndAParkedOneDoesNot() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Thread spinner = Thread.ofPlatform().start(() -> {
            while (stop.getCount() > 0) {
                Thread.onSpinWait();
            }
        });
        Thread parked = Thread.ofPlatform().start(() -> {
            try {
                stop.await();
            } catch (InterruptedException ignored) {
                // end of test
            }
        });
        Duration spun = Duration.ZERO;
        for (int i = 0; i < 500 && spun.compareTo(Duration.ofMillis(100)) < 0; i++) {
            Thread.sleep(10);
            spun = Probes.cpuTime(spinner);
        }
        Duration idle = Probes.cpuTime(parked);
        stop.countDown();
        spinner.join();
        parked.join();

        assertThat(spun).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(idle).isLessThan(Duration.ofMillis(50));
        assertThat(Probes.cpuTime(spinner)).as("a finished thread").isEqualTo(Duration.ZERO);
    }

    @Test
    void theGaugeRemembersHowManyWereInsideTogether() throws Exception {
        Probes.ConcurrencyGauge gauge = new Probes.ConcurrencyGauge();
        CyclicBarrier allInside = new CyclicBarrier(3);
        Runnable meet = () -> gauge.inside(() -> await(allInside));
        Thread a = Thread.ofPlatform().start(meet);
        Thread b = Thread.ofPlatform().start(meet);
        Thread c = Thread.ofPlatform().start(meet);
        a.join();
        b.join();
        c.join();
        gauge.inside(() -> { });

        assertThat(gauge.maximum()).isEqualTo(3);
    }

    @Test
    void liveThreadsNamesTheThreadsLeftBehind() throws Exception {
        Probes.LiveThreads before = Probes.LiveThreads.snapshot();
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

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
