package org.concurrencyhandbook.apipitfalls.interruption;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.concurrencyhandbook.testkit.Fix;

/** The workers 3.9's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherWorkers {

    static final List<Fix<Supplier<InboxWorker>>> WRONG_FIXES = List.of(
            Fix.of("log it and carry on", LogAndCarryOn::new),
            Fix.of("Thread.interrupted() in the catch", InterruptedInTheCatch::new),
            Fix.of("catch (Exception e), logged", CatchEverythingAndLog::new),
            Fix.of("restore the flag, loop on regardless", RestoreAndLoopOn::new));
    static final List<Fix<Supplier<InboxWorker>>> RIGHT_FIXES = List.of(
            Fix.of("catch, restore the flag", RestoreTheFlag::new));

    private OtherWorkers() {
    }

    /** Someone will read the log. The loop does not: it goes back to {@code take()}. */
    private static final class LogAndCarryOn implements InboxWorker {
        private static final System.Logger LOG = System.getLogger(LogAndCarryOn.class.getName());

        @Override
        public void serve(BlockingQueue<String> inbox, Consumer<String> handler) {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    handler.accept(inbox.take());
                } catch (InterruptedException e) {
                    LOG.log(System.Logger.Level.DEBUG, "interrupted while waiting for mail; waiting again", e);
                }
            }
        }
    }

    /**
     * Meant to restore the flag, with the method whose name is one letter longer: {@code Thread.interrupted()} tests
     * the flag and clears it — and {@code take()} cleared it already.
     */
    private static final class InterruptedInTheCatch implements InboxWorker {
        @Override
        public void serve(BlockingQueue<String> inbox, Consumer<String> handler) {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    handler.accept(inbox.take());
                } catch (InterruptedException e) {
                    Thread.interrupted();
                }
            }
        }
    }

    /** The swallow hidden in a broad catch, written to keep the worker alive "whatever happens". */
    private static final class CatchEverythingAndLog implements InboxWorker {
        private static final System.Logger LOG = System.getLogger(CatchEverythingAndLog.class.getName());

        @Override
        public void serve(BlockingQueue<String> inbox, Consumer<String> handler) {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    handler.accept(inbox.take());
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.DEBUG, "the worker carries on after", e);
                }
            }
        }
    }

    /**
     * The flag restored, as advised — in a loop that never looks at it: every {@code take()} now throws at once, and
     * the worker spins, catching, for ever.
     */
    private static final class RestoreAndLoopOn implements InboxWorker {
        @Override
        public void serve(BlockingQueue<String> inbox, Consumer<String> handler) {
            while (true) {
                try {
                    handler.accept(inbox.take());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Where the exception cannot be thrown on, the flag is set again, and the loop's own check ends it. */
    private static final class RestoreTheFlag implements InboxWorker {
        @Override
        public void serve(BlockingQueue<String> inbox, Consumer<String> handler) {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    handler.accept(inbox.take());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
