package org.concurrencyhandbook.syncstate.storebuffering;

import java.time.Duration;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.TwoActorRace;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario both mains run: two threads meet on fresh flags, over and over, for at most two seconds, and we count
 * the encounters in which both saw the other's flag down ({@code "0, 0"}). A bad run stops at the first sighting.
 * The proof with statistics is the jcstress test, {@code StoreBufferingStress}.
 */
final class Scenario {

    static final String BOTH_ENTERED = "0, 0";
    /** Both flags raised before either thread looked: the encounter really overlapped. */
    static final String OVERLAPPED = "1, 1";
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private Scenario() {
    }

    static Verdict demonstrate(String example, Supplier<EntryFlags> flags) throws InterruptedException {
        TwoActorRace.Tally tally = new TwoActorRace<>(flags, EntryFlags::firstRaisesThenLooks, EntryFlags::secondRaisesThenLooks)
                .run(BUDGET, BOTH_ENTERED::equals);
        System.out.printf("1.8 Reordering (store buffering) — %s%n", example);
        System.out.printf("Two threads each raised their own flag, then looked at the other's, in %,d encounters.%n", tally.trials());
        printOutcomes(tally);
        long bothEntered = tally.count(BOTH_ENTERED);
        if (bothEntered > 0) {
            System.out.printf("BOTH ENTERED %,d time(s): each thread saw the other's flag down although both had raised"
                    + " theirs first — each store was still in its core's store buffer when the load ran.%n", bothEntered);
            return Verdict.FAILURE_SHOWN;
        }
        int processors = Runtime.getRuntime().availableProcessors();
        if (processors < 2 || tally.count(OVERLAPPED) == 0) {
            System.out.printf("INCONCLUSIVE: %s, so the threads never met mid-encounter and nothing could be shown.%n",
                    processors < 2 ? "this JVM has " + processors + " CPU" : "no encounter saw both flags raised (\"1, 1\")");
            return Verdict.INCONCLUSIVE;
        }
        System.out.printf("Never did both see the other's flag down, in %,d encounters (%,d of them really overlapping).%n",
                tally.trials(), tally.count(OVERLAPPED));
        return Verdict.INVARIANT_HELD;
    }

    /** The table jcstress would print: each outcome (what the first thread saw, what the second saw), how often. */
    private static void printOutcomes(TwoActorRace.Tally tally) {
        System.out.printf("  %6s  %10s  %s%n", "RESULT", "ENCOUNTERS", "MEANING");
        for (String outcome : new TreeSet<>(tally.outcomes().keySet())) {
            String meaning = switch (outcome) {
                case BOTH_ENTERED -> "both saw the other's flag down: both entered";
                case OVERLAPPED -> "both saw the other's flag up: the two threads really met";
                default -> "one saw the other's flag up";
            };
            System.out.printf("  %6s  %,10d  %s%n", outcome, tally.count(outcome), meaning);
        }
    }
}
