package org.concurrencyhandbook.asyncpitfalls.threadlocalcache;

import java.text.SimpleDateFormat;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 4.11 under Fray: two stamps, each on a virtual thread, with the good stamper. Fray 0.9.2 does not schedule virtual
 * threads: the stamper, which shares one immutable formatter and cannot deadlock, is reported deadlocked. Asserted, so
 * that the matrix says "cannot run" only while it is true. The pitfall is a count that no order of events changes:
 * one cache per virtual thread, in every schedule.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "4.11";

    @Test
    void frayCannotRunVirtualThreads(TestReporter reporter) {
        ExplorationProof.cannotRun(reporter, PITFALL, () -> {
            DateStamper stamper = new GoodExample(() -> new SimpleDateFormat("yyyy-MM-dd HH:mm:ss"));
            Actors.runTogetherOnVirtualThreads(() -> stamper.stamp(0), () -> stamper.stamp(86_400_000));
        }, "Fray 0.9.2 does not schedule virtual threads");
    }
}
