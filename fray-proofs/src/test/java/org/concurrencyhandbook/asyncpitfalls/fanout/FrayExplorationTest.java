package org.concurrencyhandbook.asyncpitfalls.fanout;

import java.util.stream.Stream;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 4.7 under Fray: the good fan-out — a virtual thread per task, a semaphore before the resource — with three tasks
 * that do nothing. Fray 0.9.2 does not schedule virtual threads: the fan-out, which cannot deadlock or spin, never
 * reaches its end — its schedules are cut off at the step bound. Asserted, so that the matrix says "cannot run" only
 * while it is true.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "4.7";

    @Test
    void frayCannotRunVirtualThreads(TestReporter reporter) {
        Fanout.Task idle = new Fanout.Task() {
            @Override
            public void prepare() {
            }

            @Override
            public void callResource() {
            }
        };
        ExplorationProof.cannotRun(reporter, PITFALL, () -> {
            Fanout fanout = new GoodExample();
            try {
                fanout.runAll(Stream.generate(() -> idle).limit(3).toList());
            } catch (InterruptedException e) {
                throw new IllegalStateException("the main thread was interrupted", e);
            }
        }, "Fray 0.9.2 does not schedule virtual threads");
    }
}
