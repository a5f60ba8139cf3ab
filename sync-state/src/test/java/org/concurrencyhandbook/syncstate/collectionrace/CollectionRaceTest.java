package org.concurrencyhandbook.syncstate.collectionrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.ConcurrentRounds;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Conclusive;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every index: two loaders adding 50,000 orders each, started together, until twenty rounds have run
 * with the loaders really overlapping. The race is inside {@code HashMap.put}, where no latch reaches, so the rounds
 * repeat: the bad index and each tempting wrong fix must lose orders; the good index and every recommended fix must
 * lose none. Judged by {@link Scenario#run}, as the mains are.
 */
@Timeout(120)
class CollectionRaceTest {

    static Stream<Fix<Supplier<OrderIndex>>> wrongFixes() {
        return Stream.of(
                Fix.of("volatile field holding a HashMap", OtherIndexes.VolatileField::new),
                Fix.of("HashMap presized so it never resizes", OtherIndexes.PresizedHashMap::new));
    }

    static Stream<Fix<Supplier<OrderIndex>>> rightFixes() {
        return Stream.of(
                Fix.of("Collections.synchronizedMap", OtherIndexes.SynchronizedMap::new),
                Fix.of("one HashMap per loader, read after join", OtherIndexes.OneMapPerLoader::new));
    }


    @Test
    void aSharedHashMapLosesOrdersWhenTwoLoadersPutAtOnce(TestReporter reporter) throws Exception {
        ConcurrentRounds.Report<String> report = Conclusive.orSkip(Scenario.run(BadExample::new));

        assertThat(report.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        Evidence.badShowed(reporter, "corrupted in %s", Scenario.firstDamage(report));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillLosesOrders(Fix<Supplier<OrderIndex>> fix, TestReporter reporter) throws Exception {
        ConcurrentRounds.Report<String> report = Conclusive.orSkip(Scenario.run(fix.make()));

        assertThat(report.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        Evidence.wrongFixCaught(reporter, fix, "%s", Scenario.firstDamage(report));
    }

    @Test
    void aConcurrentHashMapKeepsEveryOrderInEveryRound(TestReporter reporter) throws Exception {
        ConcurrentRounds.Report<String> report = Conclusive.orSkip(Scenario.run(GoodExample::new));

        assertThat(report.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.goodHeld(reporter, "all %,d orders present in each of %d overlapping rounds",
                Scenario.LOADERS * Scenario.ORDERS_PER_LOADER, report.overlappedRounds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixKeepsEveryOrder(Fix<Supplier<OrderIndex>> fix, TestReporter reporter) throws Exception {
        ConcurrentRounds.Report<String> report = Conclusive.orSkip(Scenario.run(fix.make()));

        assertThat(report.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "every order kept in %d overlapping rounds", report.overlappedRounds());
    }
}
