package org.concurrencyhandbook.apipitfalls.interruption;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 3.9 under Fray, with no hint: a worker serves an inbox; the main thread mails it three messages, interrupts it to
 * stop it and waits for it to end. Where the interrupt lands — while the worker waits in {@code take}, while it
 * handles a message, before it first looks — is Fray's choice; the worker must end wherever it lands.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "3.9";
    /**
     * One wrong fix never ends in any schedule, and each such schedule runs to Fray's step bound: a few make the point
     * at a fraction of the time. The others fall within the first five.
     */
    private static final int WRONG_FIX_SCHEDULES = 20;

    static Stream<Fix<Supplier<InboxWorker>>> wrongFixes() {
        return OtherWorkers.WRONG_FIXES.stream();
    }

    static Stream<Fix<Supplier<InboxWorker>>> rightFixes() {
        return OtherWorkers.RIGHT_FIXES.stream();
    }

    private static Runnable mailThenStop(Supplier<InboxWorker> workers) {
        return () -> {
            InboxWorker worker = workers.get();
            BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
            Thread serving = new Thread(() -> {
                try {
                    worker.serve(inbox, message -> { });
                } catch (InterruptedException stoppedAsAsked) {
                    // The way a worker that keeps the interrupt ends: nothing left to do.
                }
            }, "inbox-worker");
            serving.start();
            try {
                for (int message = 1; message <= Scenario.MESSAGES; message++) {
                    inbox.put("message " + message);
                }
                serving.interrupt();
                serving.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException("the main thread was interrupted", e);
            }
        };
    }

    @Test
    void frayFindsTheWorkerThatNeverStops(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, mailThenStop(BadExample::new), "the interrupt swallowed in take():"
                + " the worker waits for mail for ever, the main thread for the worker, with every blocked thread's stack");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Supplier<InboxWorker>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, WRONG_FIX_SCHEDULES, fix, mailThenStop(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, mailThenStop(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Supplier<InboxWorker>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, mailThenStop(fix.make()));
    }
}
