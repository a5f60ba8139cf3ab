package org.concurrencyhandbook.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ObserverAtSeamTest {

    private int step;

    @Test
    void theObserverLooksAtTheSeamOfEveryOperationWhenNothingStopsIt() throws Exception {
        ObserverAtSeam observer = new ObserverAtSeam("observer", 3);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        observer.start(() -> seen.add(step));
        for (int operation = 1; operation <= 3; operation++) {
            step = operation * 10 + 1;
            observer.seamReached();
            step = operation * 10 + 2;
            observer.awaitLooks(operation);
        }

        assertThat(observer.finish()).isEqualTo(3);
        assertThat(seen).containsExactly(11, 21, 31);
    }

    @Test
    void anObserverKeptOutByTheOperationsLockLooksAfterTheOperation() throws Exception {
        Object lock = new Object();
        ObserverAtSeam observer = new ObserverAtSeam("observer", 3);
        List<Integer> seen = new ArrayList<>();
        observer.start(() -> {
            synchronized (lock) {
                seen.add(step);
            }
        });
        for (int operation = 1; operation <= 3; operation++) {
            synchronized (lock) {
                step = operation * 10 + 1;
                observer.seamReached();
                step = operation * 10 + 2;
            }
            observer.awaitLooks(operation);
        }

        assertThat(observer.finish()).isEqualTo(3);
        synchronized (lock) {
            assertThat(seen).containsExactly(12, 22, 32);
        }
    }
}
