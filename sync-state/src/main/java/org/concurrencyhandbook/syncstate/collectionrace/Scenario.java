package org.concurrencyhandbook.syncstate.collectionrace;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.ConcurrentRounds;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every index runs: rounds of two loader threads, started together, each adding 50,000 orders with ids
 * nobody else uses into a fresh index; afterwards all 100,000 must be there and {@code size()} must say so.
 *
 * <p>No latch can force the interleaving that corrupts a {@code HashMap}: it happens inside {@code put}. So the
 * scenario repeats the round, and counts only the rounds in which the two loaders really ran at the same time; every
 * index gets {@value #OVERLAPPING_ROUNDS} of those. A round that lost orders — or whose map threw from inside its own
 * code, the other way a corrupted {@code HashMap} shows — ends the run: the failure shown; rounds that lost none are
 * the invariant held; too few overlapping rounds is inconclusive. Any other exception is a crash, not a verdict.
 */
final class Scenario {

    static final int LOADERS = 2;
    static final int ORDERS_PER_LOADER = 50_000;
    /**
     * Measured on 2 cores: of 300 overlapping rounds in a warm JVM, 297 lost orders; in a fresh JVM (the main, the
     * interpreter still running {@code put}) the first five overlapping rounds lost orders in 1 to 5 of them (40 runs).
     * Twenty leave the bad index no realistic way to look correct.
     */
    static final int OVERLAPPING_ROUNDS = 20;
    private static final int MAX_ROUNDS = 200;
    private static final Duration BUDGET = Duration.ofSeconds(4);

    private Scenario() {
    }

    static ConcurrentRounds.Report<String> run(Supplier<OrderIndex> freshIndex) throws InterruptedException {
        return new ConcurrentRounds<>(LOADERS, freshIndex, Scenario::load, Scenario::damage, Scenario::symptom)
                .run(OVERLAPPING_ROUNDS, MAX_ROUNDS, BUDGET);
    }

    private static void load(OrderIndex index, int loader) {
        long first = (long) loader * ORDERS_PER_LOADER;
        for (long id = first; id < first + ORDERS_PER_LOADER; id++) {
            index.add(id, "customer-" + (id % 1_000));
        }
    }

    private static Optional<String> damage(OrderIndex index) {
        int expected = LOADERS * ORDERS_PER_LOADER;
        int present = 0;
        for (long id = 0; id < expected; id++) {
            if (index.contains(id)) {
                present++;
            }
        }
        if (present == expected && index.size() == expected) {
            return Optional.empty();
        }
        return Optional.of(String.format("%,d of %,d orders missing, size() says %,d", expected - present, expected, index.size()));
    }

    /** A runtime exception thrown from inside {@code java.util}'s own code: the collection's structure is corrupt. */
    private static Optional<String> symptom(Throwable thrown) {
        StackTraceElement[] stack = thrown.getStackTrace();
        boolean fromTheCollection = thrown instanceof RuntimeException && stack.length > 0
                && stack[0].getClassName().startsWith("java.util.");
        return fromTheCollection ? Optional.of("the map threw " + thrown + " at " + stack[0]) : Optional.empty();
    }

    static Verdict demonstrate(String example, Supplier<OrderIndex> freshIndex) throws InterruptedException {
        ConcurrentRounds.Report<String> report = run(freshIndex);
        System.out.printf("1.2 Data race on a collection — %s%n", example);
        System.out.printf("%d loaders, started together, each added %,d orders (ids nobody else used) to a fresh index,"
                + " round after round.%n", LOADERS, ORDERS_PER_LOADER);
        switch (report.verdict()) {
            case FAILURE_SHOWN -> System.out.printf("CORRUPTED in %s.%n", firstDamage(report));
            case INVARIANT_HELD -> System.out.printf("In all %d rounds (%d with the loaders overlapping for at least half of"
                    + " the shorter run), all %,d orders were in the index and size() agreed.%n", report.rounds().size(),
                    report.overlappedRounds(), LOADERS * ORDERS_PER_LOADER);
            case INCONCLUSIVE -> System.out.printf("INCONCLUSIVE: %s.%n", report.inconclusiveReason().orElseThrow());
        }
        return report.verdict();
    }

    static String firstDamage(ConcurrentRounds.Report<String> report) {
        ConcurrentRounds.Round<String> first = report.damagedRounds().getFirst();
        return "round " + first.number() + ": " + first.damage().or(first::hung).orElseThrow();
    }
}
