package org.concurrencyhandbook.testkit;

import org.concurrencyhandbook.support.Facts;
import org.concurrencyhandbook.support.LockNames;
import org.concurrencyhandbook.support.Watchdog;

import java.time.Duration;
import java.util.List;

/** Main classes the harness tests run in child JVMs. */
final class ChildMains {

    private ChildMains() {
    }

    /** Prints to both streams and exits with the status given as its argument. */
    static final class ExitsWith {
        public static void main(String[] args) {
            System.out.println("to stdout");
            System.err.println("to stderr");
            System.exit(Integer.parseInt(args[0]));
        }
    }

    /** Starts a grandchild JVM that never exits, prints its pid, then never exits itself. */
    static final class RecordsFactsThenCrashes {
        public static void main(String[] args) {
            Facts.record("rounds", 3);
            Facts.record("cycle", "\"a\" -> \"b\" = bad");
            throw new IllegalStateException("a crash after the facts were recorded");
        }
    }

    static final class NeverExits {
        public static void main(String[] args) throws Exception {
            Process grandchild = new ProcessBuilder(ChildJvm.of(Sleeps.class).command()).start();
            System.out.println("grandchild " + grandchild.pid());
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    static final class Sleeps {
        public static void main(String[] args) throws Exception {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /**
     * A monitor deadlock between two daemon threads, diagnosed by the watchdog; exits 1 with the diagnosis, as a
     * bad example does.
     */
    static final class MonitorDeadlock {
        public static void main(String[] args) throws Exception {
            Object left = new Object();
            Object right = new Object();
            java.util.concurrent.CyclicBarrier bothHoldOne = new java.util.concurrent.CyclicBarrier(2);
            Thread first = lockBoth("first", left, right, bothHoldOne);
            Thread second = lockBoth("second", right, left, bothHoldOne);
            Watchdog.Outcome outcome = Watchdog.watch(List.of(first, second)).onDeadlock()
                    .naming(LockNames.of(left, "left").and(right, "right")).start()
                    .awaitOutcome(Duration.ofSeconds(10));
            System.out.println(outcome.kind());
            System.out.println(outcome.diagnosis());
            System.exit(outcome.stalled() ? 1 : 0);
        }

        private static Thread lockBoth(String name, Object outer, Object inner, java.util.concurrent.CyclicBarrier barrier) {
            return Thread.ofPlatform().daemon().name(name).start(() -> {
                synchronized (outer) {
                    await(barrier);
                    synchronized (inner) {
                        System.out.println(name + " got both");
                    }
                }
            });
        }

        private static void await(java.util.concurrent.CyclicBarrier barrier) {
            try {
                barrier.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
