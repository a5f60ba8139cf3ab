package org.concurrencyhandbook.syncstate.collectionrace;

import static org.assertj.core.api.Assertions.assertThat;

import org.concurrencyhandbook.support.ConcurrentRounds;
import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two indexes: rounds of two loaders adding 50,000 orders each, started together. The race is inside
 * {@code HashMap.put}, where no latch reaches, so the rounds repeat: the bad index must lose orders before the
 * rounds run out, the good one must lose none in any round.
 */
@Timeout(120)
class CollectionRaceTest {

    @Test
    void aSharedHashMapLosesOrdersWhenTwoLoadersPutAtOnce(TestReporter reporter) throws Exception {
        ConcurrentRounds.Verdict verdict = Loaders.untilDamage(BadExample::new);

        assertThat(verdict.damage()).as("damage within %d rounds", Loaders.ROUNDS).isPresent();
        Evidence.badShowed(reporter, "%s", verdict.damage().get());
    }

    @Test
    void aConcurrentHashMapKeepsEveryOrderInEveryRound(TestReporter reporter) throws Exception {
        ConcurrentRounds.Verdict verdict = Loaders.everyRound(GoodExample::new);

        assertThat(verdict.damage()).isEmpty();
        assertThat(verdict.rounds()).isEqualTo(Loaders.ROUNDS);
        Evidence.goodHeld(reporter, "all %,d orders present in each of %d rounds",
                Loaders.LOADERS * Loaders.ORDERS_PER_LOADER, verdict.rounds());
    }
}
