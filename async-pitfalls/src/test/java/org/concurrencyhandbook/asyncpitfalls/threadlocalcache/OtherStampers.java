package org.concurrencyhandbook.asyncpitfalls.threadlocalcache;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;
import org.concurrencyhandbook.testkit.Fix;

/** The stampers 4.11's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherStampers {

    static final Fix<DateStamper.Maker> REMOVE_AFTER_USE = Fix.of("the ThreadLocal, remove()d after each use",
            RemoveAfterUse::new);
    static final List<Fix<DateStamper.Maker>> RIGHT_FIXES = List.of(
            Fix.of("a pool of four formats, borrowed per use", Pooled::new));

    private OtherStampers() {
    }

    /** Good hygiene for a pool's threads, which live on; here it throws away, at once, what it just built. */
    private static final class RemoveAfterUse implements DateStamper {
        private final ThreadLocal<SimpleDateFormat> format;

        RemoveAfterUse(Supplier<SimpleDateFormat> newFormat) {
            format = ThreadLocal.withInitial(newFormat);
        }

        @Override
        public String stamp(long epochMillis) {
            try {
                return format.get().format(new Date(epochMillis));
            } finally {
                format.remove();
            }
        }
    }

    /** Four formats, built once; a task borrows one, and waits if all four are out. */
    private static final class Pooled implements DateStamper {
        private final BlockingQueue<SimpleDateFormat> formats = new ArrayBlockingQueue<>(4);

        Pooled(Supplier<SimpleDateFormat> newFormat) {
            for (int f = 0; f < 4; f++) {
                formats.add(newFormat.get());
            }
        }

        @Override
        public String stamp(long epochMillis) {
            SimpleDateFormat format;
            try {
                format = formats.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a format", e);
            }
            try {
                return format.format(new Date(epochMillis));
            } finally {
                formats.add(format);
            }
        }
    }
}
