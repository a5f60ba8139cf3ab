package org.concurrencyhandbook.asyncpitfalls.eventloop;

import java.util.concurrent.CompletableFuture;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 4.1 under Fray: a quote whose backend call blocks, and a ping, sent to the event loop at once. Both must be answered,
 * rightly. The bad loop answers the ping late — behind the blocking call — and rightly, in every schedule: the cost is
 * time, which Fray's schedules do not measure. Asserted, so that the matrix's word on it is a measurement. (The
 * GoodExample moves the call to virtual threads, which Fray 0.9.2 does not run.)
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "4.1";

    @Test
    void frayHasNothingToFind(TestReporter reporter) {
        ExplorationProof.badUnseen(reporter, PITFALL, () -> {
            try (QuoteService service = new BadExample(symbol -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "101.50";
            })) {
                CompletableFuture<String> quote = service.quote("ACME");
                CompletableFuture<String> ping = service.ping();
                if (!quote.join().equals("ACME 101.50") || !ping.join().equals("pong")) {
                    throw new AssertionError("answered " + quote.join() + " and " + ping.join());
                }
            }
        }, "the ping is answered late, behind the blocking call, and rightly, in every schedule — a cost in time,"
                + " which schedules do not measure");
    }
}
