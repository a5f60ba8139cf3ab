package org.concurrencyhandbook.syncstate.collectionrace;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.ConcurrentRounds;

/**
 * The scenario both examples run: two loader threads, started together, each add 50,000 orders with ids nobody else
 * uses into a fresh index; afterwards all 100,000 must be there and {@code size()} must say so.
 *
 * <p>No latch can force the interleaving that corrupts a {@code HashMap}: it happens inside {@code put}. So the
 * scenario repeats the round — the bad run stops at the first round that lost orders, the good run does all
 * {@value #ROUNDS} rounds and must be exact in every one.
 */
final class Loaders {

    static final int LOADERS = 2;
    static final int ORDERS_PER_LOADER = 50_000;
    static final int ROUNDS = 100;
    private static final Duration BUDGET = Duration.ofSeconds(8);

    private Loaders() {
    }

    static ConcurrentRounds<OrderIndex> rounds(Supplier<OrderIndex> freshIndex) {
        return new ConcurrentRounds<>(LOADERS, freshIndex, Loaders::load, Loaders::damage);
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

    static ConcurrentRounds.Verdict untilDamage(Supplier<OrderIndex> freshIndex) throws InterruptedException {
        return rounds(freshIndex).untilDamage(ROUNDS, BUDGET);
    }

    static ConcurrentRounds.Verdict everyRound(Supplier<OrderIndex> freshIndex) throws InterruptedException {
        return rounds(freshIndex).all(ROUNDS);
    }

    static int demonstrate(String example, Supplier<OrderIndex> freshIndex) throws InterruptedException {
        ConcurrentRounds.Verdict verdict = untilDamage(freshIndex);
        System.out.printf("1.2 Data race on a collection — %s%n", example);
        System.out.printf("%d loaders, started together, each added %,d orders (ids nobody else used) to a fresh index;"
                + " %d round(s) run.%n", LOADERS, ORDERS_PER_LOADER, verdict.rounds());
        if (verdict.damage().isPresent()) {
            System.out.printf("CORRUPTED: %s.%n", verdict.damage().get());
            return 1;
        }
        System.out.printf("Every round, all %,d orders were in the index and size() agreed.%n", LOADERS * ORDERS_PER_LOADER);
        return 0;
    }
}
