package org.concurrencyhandbook.contentiondeadlock.poolstarvation;

import java.util.concurrent.CompletableFuture;

/** Builds reports on a thread pool; each report needs a chart, also built on that pool. Both examples implement it. */
public interface ReportBuilder {

    CompletableFuture<String> build(int report);

    /**
     * Where the scenario can step in: a report task has started on a pool thread and is about to ask for its chart.
     * In production nothing happens there — and under load every pool thread can be at that point at once.
     */
    @FunctionalInterface
    interface ReportStarted {
        void reached();
    }
}
