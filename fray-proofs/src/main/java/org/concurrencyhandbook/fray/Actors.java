package org.concurrencyhandbook.fray;

import java.util.ArrayList;
import java.util.List;

/** Runs a scenario's actors, each on a platform thread of its own, all started before any is joined. */
public final class Actors {

    private Actors() {
    }

    /**
     * Starts every actor, then waits for each to end. An actor that throws dies of an uncaught exception, which Fray
     * reports as the schedule's failure.
     */
    public static void runTogether(Runnable... actors) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < actors.length; i++) {
            threads.add(new Thread(actors[i], "actor-" + (i + 1)));
        }
        threads.forEach(Thread::start);
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the actors ran", e);
        }
    }
}
