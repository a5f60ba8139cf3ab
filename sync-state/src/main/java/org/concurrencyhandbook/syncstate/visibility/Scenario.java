package org.concurrencyhandbook.syncstate.visibility;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Facts;
import org.concurrencyhandbook.support.LockNames;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario both examples run: a worker spins until stopped; the main thread lets it spin long enough for the JIT
 * to compile the loop, calls {@code stop()}, and gives it one second to end. Three attempts, with 0.3, 0.6 and 0.9 s
 * of spinning before the stop, because the bug needs the compiled loop and compilation takes an unknown while. A
 * worker still spinning a second after {@code stop()} will spin forever: its thread is a daemon, so the JVM can exit
 * around it, and the test runs this in a child JVM that it then destroys.
 */
final class Scenario {

    static final int ATTEMPTS = 3;
    static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration WARM_UP_STEP = Duration.ofMillis(300);

    private Scenario() {
    }

    static Verdict demonstrate(String example, Supplier<Spinner> spinners) throws InterruptedException {
        System.out.printf("1.7 Memory visibility — %s%n", example);
        long slowestStopMicros = 0;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Spinner spinner = spinners.get();
            AtomicLong spins = new AtomicLong();
            Thread worker = Thread.ofPlatform().daemon().name("worker-" + attempt).start(() -> spins.set(spinner.spinUntilStopped()));
            Duration warmUp = WARM_UP_STEP.multipliedBy(attempt);
            // Not synchronization: time for the JIT to compile the loop. The verdict is the bounded join below.
            Thread.sleep(warmUp);
            long stoppedAt = System.nanoTime();
            spinner.stop();
            Facts.record("attempts", attempt);
            if (!worker.join(GRACE)) {
                StackTraceElement[] stack = worker.getStackTrace();
                Facts.record("stillSpinningIn", stack.length == 0 ? "-"
                        : stack[0].getClassName().substring(stack[0].getClassName().lastIndexOf('.') + 1) + "." + stack[0].getMethodName());
                System.out.printf("Attempt %d: stop() was called after %d ms of spinning.%n", attempt, warmUp.toMillis());
                System.out.printf("STILL SPINNING %d ms after stop(): the compiled loop no longer reads the flag.%n", GRACE.toMillis());
                StallDetector.describe(List.of(worker), LockNames.none()).forEach(line -> System.out.println("  " + line));
                System.out.print(StallDetector.stacksOnRequest(List.of(worker), LockNames.none()));
                return Verdict.FAILURE_SHOWN;
            }
            long endedAfterMicros = (System.nanoTime() - stoppedAt) / 1_000;
            slowestStopMicros = Math.max(slowestStopMicros, endedAfterMicros);
            System.out.printf("Attempt %d: stop() after %d ms of spinning; the worker saw it after %,d loops and ended"
                    + " %.1f ms later.%n", attempt, warmUp.toMillis(), spins.get(), endedAfterMicros / 1e3);
        }
        Facts.record("slowestStopMicros", slowestStopMicros);
        System.out.printf("Every worker stopped within %d ms of stop(), in all %d attempts.%n", GRACE.toMillis(), ATTEMPTS);
        return Verdict.INVARIANT_HELD;
    }
}
