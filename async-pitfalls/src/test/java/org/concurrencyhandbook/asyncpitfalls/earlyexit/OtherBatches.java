package org.concurrencyhandbook.asyncpitfalls.earlyexit;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.concurrencyhandbook.testkit.Fix;

/**
 * The batches 4.5's test runs besides Bad and Good: the fixes readers try, wrong and right. Each runs as the batch
 * JVM through {@link #main}, the fix's name first.
 */
final class OtherBatches {

    static final Fix<Supplier<Batch>> SLEEP_BEFORE_RETURNING =
            Fix.of("Thread.sleep(100) before returning", SleepBeforeReturning::new);
    static final List<Fix<Supplier<Batch>>> WRONG_FIXES = List.of(SLEEP_BEFORE_RETURNING,
            Fix.of("a virtual thread per item, not joined", UnjoinedVirtualThreads::new));
    static final List<Fix<Supplier<Batch>>> RIGHT_FIXES = List.of(
            Fix.of("every future joined: allOf(...).join()", JoinEveryFuture::new));

    private OtherBatches() {
    }

    public static void main(String[] args) throws InterruptedException {
        Fix<Supplier<Batch>> fix = Fix.named(args[0], WRONG_FIXES, RIGHT_FIXES);
        Scenario.main(args, fix.name(), OtherBatches.class, fix.make());
    }

    /** The work took about 50 ms when it was written: 100 ms "to be safe". */
    private static final class SleepBeforeReturning implements Batch {
        @Override
        public void processAll(List<String> items, UnaryOperator<String> work, Consumer<String> results) {
            items.forEach(item -> CompletableFuture.runAsync(() -> results.accept(work.apply(item))));
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Off the common pool, onto virtual threads — which are daemon threads, always. */
    private static final class UnjoinedVirtualThreads implements Batch {
        @Override
        public void processAll(List<String> items, UnaryOperator<String> work, Consumer<String> results) {
            items.forEach(item -> Thread.startVirtualThread(() -> results.accept(work.apply(item))));
        }
    }

    private static final class JoinEveryFuture implements Batch {
        @Override
        public void processAll(List<String> items, UnaryOperator<String> work, Consumer<String> results) {
            CompletableFuture.allOf(items.stream()
                    .map(item -> CompletableFuture.runAsync(() -> results.accept(work.apply(item))))
                    .toArray(CompletableFuture[]::new)).join();
        }
    }
}
