package org.concurrencyhandbook.fray;

import java.util.ArrayList;
import java.util.List;

/** Runs a scenario's actors, each on a thread of its own, all started before any is joined. */
public final class Actors {

    private Actors() {
    }

    /**
     * Starts every actor, then waits for each to end. An actor that throws dies of an uncaught exception, which Fray
     * reports as the schedule's failure.
     */
    public static void runTogether(Runnable... actors) {
        runTogether(Thread.ofPlatform(), actors);
    }

    /** As {@link #runTogether(Runnable...)}, each actor on a virtual thread. */
    public static void runTogetherOnVirtualThreads(Runnable... actors) {
        runTogether(Thread.ofVirtual(), actors);
    }

    private static void runTogether(Thread.Builder builder, Runnable... actors) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < actors.length; i++) {
            threads.add(builder.name("actor-" + (i + 1)).unstarted(actors[i]));
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
