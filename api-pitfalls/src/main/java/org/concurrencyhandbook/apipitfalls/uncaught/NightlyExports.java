package org.concurrencyhandbook.apipitfalls.uncaught;

import java.util.List;

/**
 * The nightly exports: one big export, long enough to deserve a thread of its own, and a few small ones for a pool.
 * Both examples implement it.
 */
public interface NightlyExports {

    /**
     * Runs every export in the background and returns when all have ended, with the failures it knows of — what the
     * caller will report in the morning.
     */
    List<Throwable> runAll(Runnable bigExport, List<Runnable> smallExports) throws InterruptedException;
}
