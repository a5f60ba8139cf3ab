package org.concurrencyhandbook.syncstate.publication;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario both examples run, 100 times on a fresh holder: a loader thread calls {@code get()} first and starts
 * reading the settings; when the store is asked for its second setting, a reader thread calls {@code get()} too, and
 * the store answers only once the reader has its configuration — or is blocked on the holder's lock. The reader then
 * checks that what it got is complete.
 */
final class Scenario {

    static final int RUNS = 100;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** How many first readers got a half-built configuration, and the first one seen. The invariant: none did. */
    record Outcome(int runs, int halfBuilt, String example) {
        Verdict verdict() {
            return halfBuilt == 0 ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Function<LazyConfig.Settings, LazyConfig> holderOn) throws InterruptedException {
        int halfBuilt = 0;
        String example = null;
        for (int run = 0; run < RUNS; run++) {
            String seen = oneRun(holderOn);
            if (seen != null) {
                halfBuilt++;
                example = example == null ? seen : example;
            }
        }
        return new Outcome(RUNS, halfBuilt, example);
    }

    /** One first use; returns what the reader saw if it was half built, else null. */
    private static String oneRun(Function<LazyConfig.Settings, LazyConfig> holderOn) throws InterruptedException {
        CountDownLatch readerGo = new CountDownLatch(1);
        AtomicReference<Thread> reader = new AtomicReference<>();
        AtomicReference<String> readerSaw = new AtomicReference<>();
        LazyConfig holder = holderOn.apply(key -> {
            if (key.equals("threads")) {
                readerGo.countDown();
                Await.arrivedOrBlocked(List.of(reader.get()), t -> readerSaw.get() != null, PATIENCE);
            }
            return switch (key) {
                case "port" -> 8080;
                case "threads" -> 16;
                default -> 2_000;
            };
        });
        Workers workers = new Workers();
        reader.set(workers.add("reader", () -> {
            Await.opened(readerGo, PATIENCE, "the loader never started reading the settings");
            Config seen = holder.get();
            readerSaw.set(seen.isComplete() ? "complete" : seen.toString());
        }));
        workers.add("loader", holder::get);
        workers.startAll().awaitAll(PATIENCE);
        return readerSaw.get().equals("complete") ? null : readerSaw.get();
    }

    static Verdict demonstrate(String example, Function<LazyConfig.Settings, LazyConfig> holderOn) throws InterruptedException {
        Outcome outcome = run(holderOn);
        System.out.printf("1.9 Unsafe publication & double-checked locking — %s%n", example);
        System.out.printf("%d times: a loader started reading the configuration; while it read the second setting, a"
                + " reader asked for the configuration too.%n", outcome.runs());
        if (outcome.verdict() == Verdict.FAILURE_SHOWN) {
            System.out.printf("HALF-BUILT: %d of %d readers got a configuration still being filled in, e.g. %s.%n",
                    outcome.halfBuilt(), outcome.runs(), outcome.example());
            return Verdict.FAILURE_SHOWN;
        }
        System.out.printf("All %d readers got the complete configuration (port=8080, threads=16, timeoutMillis=2000).%n",
                outcome.runs());
        return Verdict.INVARIANT_HELD;
    }
}
