package org.concurrencyhandbook.asyncpitfalls.threadlocalcache;

import java.text.SimpleDateFormat;
import java.util.function.Function;
import java.util.function.Supplier;

/** Formats timestamps as {@code yyyy-MM-dd HH:mm:ss}, UTC, from any thread. Both examples implement it. */
public interface DateStamper {

    String stamp(long epochMillis);

    /**
     * How the scenario makes a stamper: with the factory of the expensive, not thread-safe {@code SimpleDateFormat} it
     * may use, which counts what it builds.
     */
    interface Maker extends Function<Supplier<SimpleDateFormat>, DateStamper> {
    }
}
