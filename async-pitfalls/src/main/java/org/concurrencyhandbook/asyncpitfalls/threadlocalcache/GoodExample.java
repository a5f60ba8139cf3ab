package org.concurrencyhandbook.asyncpitfalls.threadlocalcache;

import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * 4.11 Thread-local caches under virtual threads — one immutable, thread-safe formatter for everyone.
 *
 * <p>{@code java.time}'s {@code DateTimeFormatter} is immutable and thread-safe: one instance serves every thread,
 * and there is nothing to cache per thread. That is the general answer — make the shared object safe to share —
 * where one exists. Where it does not (a parser, a cipher, a buffer), keep a small pool of them and borrow one per
 * use; {@code ThreadLocalCacheTest} runs that beside this one.
 *
 * <p>Run it: {@code ./handbook 4.11}. It exits 0 because it built no {@code SimpleDateFormat} at all, and every stamp
 * was right.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.11} printed:
 * <pre>
 * 10,000 tasks, each on a virtual thread of its own, each stamping one time.
 * SimpleDateFormats built: 0. Stamps wrong: 0.
 * Every stamp right, and no format built per task.
 * </pre>
 */
public final class GoodExample implements DateStamper {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public GoodExample(Supplier<SimpleDateFormat> unused) {
    }

    @Override
    public String stamp(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }

    public static void main(String[] args) {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
