package org.concurrencyhandbook.asyncpitfalls.threadlocalcache;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.function.Supplier;

/**
 * 4.11 Thread-local caches under virtual threads — one {@code SimpleDateFormat} per thread.
 *
 * <p>{@code SimpleDateFormat} is costly to build and not thread-safe, so the classic answer was a {@code ThreadLocal}:
 * one per thread, built once, reused by every task that thread runs. That assumes a pool — a few threads, many tasks
 * each. With a virtual thread per task, every task runs on a thread of its own, and every task builds the format
 * afresh: the cache holds one object per task, used once, and adds the cost of the {@code ThreadLocal} map besides.
 *
 * <p>Run it: {@code ./handbook 4.11}. It exits 4 (failure shown) because it built a format for every task.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.11} printed:
 * <pre>
 * 10,000 tasks, each on a virtual thread of its own, each stamping one time.
 * SimpleDateFormats built: 10,000. Stamps wrong: 0.
 * CACHES NOTHING: 10,000 formats for 10,000 tasks — one per thread is one per task when every task has a thread of its own.
 * </pre>
 */
public final class BadExample implements DateStamper {

    private final ThreadLocal<SimpleDateFormat> format;

    public BadExample(Supplier<SimpleDateFormat> newFormat) {
        // Wrong: one per thread is one per task, when each task has a thread of its own.
        format = ThreadLocal.withInitial(newFormat);
    }

    @Override
    public String stamp(long epochMillis) {
        return format.get().format(new Date(epochMillis));
    }

    public static void main(String[] args) {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
