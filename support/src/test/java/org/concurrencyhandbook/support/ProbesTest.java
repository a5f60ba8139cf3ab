package org.concurrencyhandbook.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
        Duration idle;
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> Probes.cpuTime(spinner).compareTo(Duration.ofMillis(100)) >= 0);
            idle = Probes.cpuTime(parked);
        } finally {
            stop.countDown();
            spinner.join();
            parked.join();
        }

        assertThat(idle).isLessThan(Duration.ofMillis(50));
        assertThat(Probes.cpuTime(spinner)).as("a finished thread").isEqualTo(Duration.ZERO);
    }
}
