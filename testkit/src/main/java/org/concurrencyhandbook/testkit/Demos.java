package org.concurrencyhandbook.testkit;

import java.time.Duration;
import org.concurrencyhandbook.support.ChildJvm;

/**
 * Runs a pitfall's {@code main} as its reader does: in a JVM of its own, so that a demo that deadlocks, spins or calls
 * {@code System.exit} cannot take the test JVM with it, and with a time limit.
 */
public final class Demos {

    /** Far above the ten seconds a demo may take, even on a loaded machine; well inside a test's own time-out. */
    public static final Duration LIMIT = Duration.ofSeconds(60);

    private Demos() {
    }

    public static ChildJvm.Result runMain(Class<?> example) throws InterruptedException {
        return ChildJvm.of(example).timeout(LIMIT).run();
    }
}
