package org.concurrencyhandbook.contentiondeadlock.priorityinversion;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario both examples run, on one worker thread that always runs the highest-priority step next: a nightly
 * report (priority 1) takes the export connection; while it holds it, with one step left, an alert (priority 10) that
 * needs the connection arrives, together with 20 thumbnail jobs (priority 5) that do not. Everything is queued from the
 * worker thread itself, so the order of events is the same on every run.
 */
final class Scenario {

    static final int LOW = 1;
    static final int MEDIUM = 5;
    static final int HIGH = 10;
    static final int MEDIUM_JOBS = 20;
    static final String REPORT = "nightly-report";
    static final String ALERT = "alert";
    static final String THUMBNAIL = "thumbnail-";
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private Scenario() {
    }

    /**
     * The order in which the jobs finished, and whether all of them did. The invariant: the alert finishes before
     * every thumbnail — it waits only for the report that holds the connection.
     */
    record Outcome(List<String> finished, boolean allFinished) {
        int alertFinishedAt() {
            return finished.indexOf(ALERT) + 1;
        }

        long thumbnailsBeforeAlert() {
            int alertAt = finished.indexOf(ALERT);
            return finished.subList(0, alertAt < 0 ? finished.size() : alertAt).stream()
                    .filter(name -> name.startsWith(THUMBNAIL)).count();
        }

        Verdict verdict() {
            return allFinished && thumbnailsBeforeAlert() == 0 ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Function<PriorityExecutor, ExportConnection> connectionOn) throws InterruptedException {
        Job report = new Job(REPORT, LOW);
        Job alert = new Job(ALERT, HIGH);
        List<Job> thumbnails = IntStream.rangeClosed(1, MEDIUM_JOBS).mapToObj(i -> new Job(THUMBNAIL + i, MEDIUM)).toList();
        List<String> finished = new CopyOnWriteArrayList<>();
        CountDownLatch allFinished = new CountDownLatch(2 + MEDIUM_JOBS);
        try (PriorityExecutor executor = new PriorityExecutor()) {
            ExportConnection connection = connectionOn.apply(executor);
            executor.run(report, () -> connection.acquire(report, () -> {
                executor.run(alert, () -> connection.acquire(alert, () -> {
                    finish(alert, finished, allFinished);
                    connection.release(alert);
                }));
                thumbnails.forEach(thumbnail -> executor.run(thumbnail, () -> finish(thumbnail, finished, allFinished)));
                executor.run(report, () -> {
                    finish(report, finished, allFinished);
                    connection.release(report);
                });
            }));
            boolean all = allFinished.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(List.copyOf(finished), all);
        }
    }

    static Verdict demonstrate(String example, Function<PriorityExecutor, ExportConnection> connectionOn) throws InterruptedException {
        System.out.printf("2.4 Priority inversion — %s%n", example);
        System.out.printf("One worker thread, highest priority first. The nightly report (priority %d) holds the export"
                + " connection when the alert (priority %d, needs the connection) and %d thumbnails (priority %d) arrive.%n",
                LOW, HIGH, MEDIUM_JOBS, MEDIUM);
        Outcome outcome = run(connectionOn);
        System.out.printf("Finished, in order: %s%n", outcome.finished());
        if (!outcome.allFinished()) {
            System.out.printf("Not all jobs finished within %d s.%n", LIMIT.toSeconds());
        } else if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.printf("The alert finished #%d, before every thumbnail: it waited only for the report that held the"
                    + " connection, which ran at the alert's priority meanwhile.%n", outcome.alertFinishedAt());
        } else {
            System.out.printf("PRIORITY INVERSION: the alert (priority %d) finished #%d of %d, after %d thumbnails (priority %d)"
                    + " that ran while it waited for the nightly report (priority %d) they kept from finishing.%n", HIGH,
                    outcome.alertFinishedAt(), outcome.finished().size(), outcome.thumbnailsBeforeAlert(), MEDIUM, LOW);
        }
        return outcome.verdict();
    }

    private static void finish(Job job, List<String> finished, CountDownLatch allFinished) {
        finished.add(job.name());
        allFinished.countDown();
    }
}
