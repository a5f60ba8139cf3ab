package org.concurrencyhandbook.asyncpitfalls.timeout;

import java.util.concurrent.CountDownLatch;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 4.10 under Fray: a caller asks for a price from a backend that never answers; the caller must get an answer — a
 * price, a fallback or a time-out. The bad service waits in {@code join()} for ever in every schedule: no race, and
 * Fray finds it in the first, with its verdict — every thread blocked — and their stacks.
 *
 * <p>The GoodExample and the recommended fix are not explored: both run the call on virtual threads, which Fray 0.9.2
 * does not run (2.10's exploration proves it). Nor are the wrong fixes: under Fray, {@code orTimeout} and
 * {@code completeOnTimeout} did not end within 120 s (observed), as 2.5's {@code Future.get(500 ms)} fix did not.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "4.10";

    private static Runnable askABackendThatNeverAnswers(PriceService.Opener opener) {
        return () -> {
            CountDownLatch never = new CountDownLatch(1);
            try (PriceService service = opener.open(item -> {
                never.await();
                return "never";
            })) {
                service.priceOf("tea");
            } catch (Exception e) {
                throw new IllegalStateException("the price call threw", e);
            }
        };
    }

    @Test
    void frayFindsTheCallerWaitingForEver(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, askABackendThatNeverAnswers(BadExample::new), "the caller waiting"
                + " for ever in join(), with every blocked thread's stack");
    }
}
