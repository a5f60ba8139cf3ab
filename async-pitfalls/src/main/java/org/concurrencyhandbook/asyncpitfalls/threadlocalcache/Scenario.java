package org.concurrencyhandbook.asyncpitfalls.threadlocalcache;

import java.text.SimpleDateFormat;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every stamper runs: {@value #TASKS} tasks, each on a virtual thread of its own — as a server on virtual
 * threads runs its requests — each stamping one time. The scenario counts the {@code SimpleDateFormat}s the stamper
 * had built and checks every stamp. Nothing races: the same counts on every run, one CPU included. The invariant: at
 * most {@value #FORMATS_WORTH_BUILDING} formats built — a small pool's worth — and every stamp right.
 */
final class Scenario {

    static final int TASKS = 10_000;
    static final int FORMATS_WORTH_BUILDING = 4;
    static final long TIME = 1_795_651_200_000L;
    static final String STAMP = "2026-11-26 00:00:00";

    private Scenario() {
    }

    /** The formats built, and the stamps that came out wrong. */
    record Outcome(int built, int wrongStamps) {
        Verdict verdict() {
            return built <= FORMATS_WORTH_BUILDING && wrongStamps == 0 ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(DateStamper.Maker maker) {
        AtomicInteger built = new AtomicInteger();
        Supplier<SimpleDateFormat> newFormat = () -> {
            built.incrementAndGet();
            SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
            format.setTimeZone(TimeZone.getTimeZone("UTC"));
            return format;
        };
        DateStamper stamper = maker.apply(newFormat);
        AtomicInteger wrong = new AtomicInteger();
        try (ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int task = 0; task < TASKS; task++) {
                perTask.execute(() -> {
                    if (!stamper.stamp(TIME).equals(STAMP)) {
                        wrong.incrementAndGet();
                    }
                });
            }
        }
        return new Outcome(built.get(), wrong.get());
    }

    static Verdict demonstrate(String example, DateStamper.Maker maker) {
        Outcome outcome = run(maker);
        System.out.printf("4.11 Thread-local caches under virtual threads — %s%n", example);
        System.out.printf("%,d tasks, each on a virtual thread of its own, each stamping one time.%n", TASKS);
        System.out.printf("SimpleDateFormats built: %,d. Stamps wrong: %d.%n", outcome.built(), outcome.wrongStamps());
        if (outcome.built() > FORMATS_WORTH_BUILDING) {
            System.out.printf("CACHES NOTHING: %,d formats for %,d tasks — one per thread is one per task when every task"
                    + " has a thread of its own.%n", outcome.built(), TASKS);
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("Every stamp right, and no format built per task.");
        }
        return outcome.verdict();
    }
}
