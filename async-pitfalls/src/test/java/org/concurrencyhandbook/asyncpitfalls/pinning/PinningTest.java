package org.concurrencyhandbook.asyncpitfalls.pinning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.JsonThreadDump;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.concurrencyhandbook.testkit.Conclusive;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.concurrencyhandbook.testkit.FlightRecording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every price list: one price request per carrier asks for a list that takes 500 ms to load, and a
 * hundred other requests arrive meanwhile. Each implementation keeps its list in a class of its own, loaded once per
 * JVM, and each is run once here — a second run would find its list loaded and say inconclusive. Judged by
 * {@link Scenario.Outcome#verdict}, as the mains are; JFR's {@code jdk.VirtualThreadPinned} events and the waits of
 * the other requests must both show the pinning, or both its absence.
 */
@Timeout(60)
class PinningTest {

    static Stream<Fix<Supplier<PriceList>>> wrongFixes() {
        return OtherPriceLists.WRONG_FIXES.stream();
    }

    static Stream<Fix<Supplier<PriceList>>> rightFixes() {
        return OtherPriceLists.RIGHT_FIXES.stream();
    }

    @Test
    void aBlockingClassInitializerPinsEveryCarrier(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertPinnedInTheInitializer(outcome);
        List<JsonThreadDump.DumpedThread> pinnedInDump = outcome.pinnedInDump();
        assertThat(pinnedInDump).as("price requests the JSON dump shows waiting on their carrier").singleElement()
                .matches(thread -> thread.inFrame("BadExample$Prices", "<clinit>"), "in BadExample$Prices.<clinit>");
        Evidence.badShowed(reporter, "%d of %d other requests waited %d–%d ms to start while the list loaded; JFR: %s",
                outcome.othersHeldUp(), Scenario.OTHER_REQUESTS, outcome.shortestWait().toMillis(),
                outcome.longestWait().toMillis(), outcome.pins().stream().map(Scenario.Pin::reasonInShort).toList());
        Evidence.detected(reporter, "jcmd Thread.dump_to_file -format=json", !pinnedInDump.isEmpty(), "the virtual"
                + " thread in the initializer is TIMED_WAITING yet mounted on its carrier; those waiting for the"
                + " initialization show as RUNNABLE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillPins(Fix<Supplier<PriceList>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertPinnedInTheInitializer(outcome);
        Evidence.wrongFixCaught(reporter, fix, "%d of %d other requests held up; JFR: %s", outcome.othersHeldUp(),
                Scenario.OTHER_REQUESTS, outcome.pins().stream().map(pin -> pin.reasonInShort() + " (" + pin.blockingOperation()
                        + ")").toList());
    }

    /**
     * The scheduler's carriers raised from two to eight, in a JVM of its own: as many first requests as carriers still
     * take them all — the scenario sends one per carrier, and a service's first burst is rarely smaller.
     */
    @Test
    void moreCarriersOnlyTakeMoreRequestsToPin(TestReporter reporter) throws Exception {
        Fix<String> fix = Fix.of("more carriers (-Djdk.virtualThreadScheduler.parallelism=8)",
                "-Djdk.virtualThreadScheduler.parallelism=8");
        ChildJvm.Result run = ChildJvm.of(BadExample.class).jvmArgs(fix.make()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(run.longFact("carriers")).isEqualTo(8);
        assertThat(run.longFact("othersHeldUp")).isPositive();
        assertThat(run.longFact("pins")).isGreaterThanOrEqualTo(8);
        Evidence.wrongFixCaught(reporter, fix, "%d price requests pinned all %d carriers: %d of %d other requests held"
                + " up, %d pinned events", run.longFact("carriers"), run.longFact("carriers"),
                run.longFact("othersHeldUp"), Scenario.OTHER_REQUESTS, run.longFact("pins"));
    }

    /**
     * The fetch handed to a virtual thread inside the initializer, in a JVM of its own: it stalls every virtual thread
     * of its JVM for good, and JFR, which records a pin when it ends, records nothing.
     */
    @Test
    void theFetchOnAVirtualThreadStallsTheSchedulerForGood(TestReporter reporter) throws Exception {
        Fix<String> fix = Fix.of("the fetch on a virtual thread, joined in the initializer", "FetchOnAVirtualThread");
        ChildJvm.Result run = ChildJvm.of(OtherPriceLists.class).args(fix.make()).collectingFacts().run();

        assertThat(run.verdict()).as(run.describe()).contains(Verdict.FAILURE_SHOWN);
        assertThat(run.longFact("priceRequestsStuck")).as(run.describe()).isEqualTo(run.longFact("carriers"));
        assertThat(run.longFact("othersHeldUp")).isEqualTo(Scenario.OTHER_REQUESTS);
        assertThat(run.longFact("pins")).isZero();
        Evidence.wrongFixCaught(reporter, fix, "%d of %d price requests stuck for good, %d of %d other requests never"
                + " started; JFR: no event", run.longFact("priceRequestsStuck"), run.longFact("carriers"),
                run.longFact("othersHeldUp"), Scenario.OTHER_REQUESTS);
    }

    /**
     * JFR's threshold applies to each blocking operation: an initializer that waits in 10 ms steps holds the carriers
     * as long as the Bad's, and leaves no event. The other requests' waits show it all the same.
     */
    @Test
    void jfrMissesAPinMadeOfWaitsUnderItsThreshold(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(OtherPriceLists.ShortWaitsInTheInitializer::new);

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.othersHeldUp()).as("%s", outcome).isPositive();
        assertThat(outcome.pins()).as("events for the pinned waits, each under 20 ms")
                .noneMatch(pin -> pin.reason().contains("<clinit> on stack"));
        Evidence.wrongFixCaught(reporter, Fix.of("the same wait in 10 ms steps (no JFR event)", outcome),
                "%d of %d other requests held up %d–%d ms; JFR: %s", outcome.othersHeldUp(), Scenario.OTHER_REQUESTS,
                outcome.shortestWait().toMillis(), outcome.longestWait().toMillis(),
                outcome.pins().stream().map(Scenario.Pin::reasonInShort).toList());
    }

    @Test
    void aListLoadedInAMethodLeavesTheCarriersFree(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertCarriersFree(outcome);
        assertThat(outcome.fetchesServing()).as("the list loaded while the requests were served").isEqualTo(1);
        Evidence.goodHeld(reporter, "no pinned event; the %d other requests started within %d ms while the list loaded",
                Scenario.OTHER_REQUESTS, outcome.longestWait().toMillis());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixLeavesTheCarriersFree(Fix<Supplier<PriceList>> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertCarriersFree(outcome);
        Evidence.rightFixHeld(reporter, fix, "no pinned event; the other requests started within %d ms (fetches at"
                + " start-up %d, while serving %d)", outcome.longestWait().toMillis(), outcome.fetchesAtStartUp(),
                outcome.fetchesServing());
    }

    /**
     * JFR as a reader would switch it on in production ({@code -XX:StartFlightRecording}, default settings), on the
     * bad and the good main: see {@link FlightRecording}. A pinned virtual thread is the one stall JFR records as it
     * happens — the event is committed when the pinned wait ends, and this one does.
     */
    @Test
    void jfrWithDefaultSettingsRecordsThePinnedThreads(TestReporter reporter) throws Exception {
        FlightRecording bad = FlightRecording.of(BadExample.class, Verdict.FAILURE_SHOWN);
        FlightRecording good = FlightRecording.of(GoodExample.class, Verdict.INVARIANT_HELD);

        List<FlightRecording.Wait> pinned = pinnedEvents(bad);
        assertThat(pinned).as(bad.describe()).isNotEmpty()
                .allMatch(wait -> wait.virtualThread() && wait.thread().startsWith("price request"))
                .anyMatch(wait -> wait.inClass(BadExample.class.getName() + "$Prices"));
        assertThat(pinnedEvents(good)).as(good.describe()).isEmpty();
        Evidence.detected(reporter, "JFR", true, "jdk.VirtualThreadPinned on the price requests, with the"
                + " initializer on the stack; none in the good run");
    }

    private static List<FlightRecording.Wait> pinnedEvents(FlightRecording recording) {
        return recording.waits().stream().filter(wait -> wait.event().equals("jdk.VirtualThreadPinned")).toList();
    }

    /**
     * Pinned in, or waiting for, a class initializer by JFR's account, and every other request held up: the carriers
     * were all taken.
     */
    private static void assertPinnedInTheInitializer(Scenario.Outcome outcome) {
        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.pins()).as("JFR's jdk.VirtualThreadPinned events").isNotEmpty()
                .anyMatch(pin -> pin.reason().contains("$Prices"));
        if (outcome.carriers() > 1) {
            assertThat(outcome.pins()).anyMatch(pin -> pin.reason().startsWith("Waited for initialization of"));
        }
        // Positive, not all: an other request sent late — the sender descheduled on a loaded machine — waits less.
        assertThat(outcome.othersHeldUp()).as("other requests held up").isPositive();
        assertThat(outcome.priceRequestsStuck()).isZero();
    }

    private static void assertCarriersFree(Scenario.Outcome outcome) {
        Conclusive.orSkip(outcome.verdict(), outcome::inconclusiveBecause);
        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.pins()).isEmpty();
        assertThat(outcome.othersHeldUp()).isZero();
        assertThat(outcome.pinnedInDump()).isEmpty();
    }
}
