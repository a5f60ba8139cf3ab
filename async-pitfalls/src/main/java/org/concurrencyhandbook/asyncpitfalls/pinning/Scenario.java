package org.concurrencyhandbook.asyncpitfalls.pinning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Facts;
import org.concurrencyhandbook.support.JsonThreadDump;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every price list runs, in a JVM whose list has not been loaded yet: as many price requests as the
 * virtual-thread scheduler has carriers ask for the price of tea, each on a virtual thread of its own; while the list
 * loads (the {@link RemoteCatalog}'s 500 ms fetch), {@value #OTHER_REQUESTS} other requests — which need no prices —
 * arrive, each on a virtual thread. Measured: how long each other request waited to start; what JFR recorded as
 * {@code jdk.VirtualThreadPinned} on these threads, with the JDK's default 20 ms threshold; and a JSON thread dump
 * taken while the other requests wait. The invariant: no request pinned, no other request held up by the load.
 *
 * <p>The price requests are as many as the carriers so that, if waiting for the list pins them, no carrier is left —
 * on any machine, one CPU included. The other requests are sent once every price request is on its carrier and the
 * fetch is under way: no timing decides whether they arrive during the load. A price request that throws, or answers
 * a wrong price, is a crash of the scenario, never a sign of pinning.
 */
final class Scenario {

    static final int OTHER_REQUESTS = 100;
    static final String ITEM = "tea";
    /**
     * How long another request may wait to start before it counts as held up by the load: half the fetch. Measured
     * here (2 cores, the other one busy or not, one CPU, eight carriers): with the carriers pinned every other request
     * waited 469–511 ms; with none pinned the longest wait was 1–6 ms.
     */
    static final Duration HELD_UP = RemoteCatalog.FETCH.dividedBy(2);
    /** The threshold of {@code jdk.VirtualThreadPinned} in the JDK's {@code default} and {@code profile} settings. */
    private static final Duration JFR_DEFAULT_THRESHOLD = Duration.ofMillis(20);
    /** How long the fetch may take to begin before the scenario calls the price requests stalled: it begins at once. */
    private static final Duration STALL = Duration.ofSeconds(1);
    /** How long after the other requests are sent the scenario gives up on the requests still waiting. */
    private static final Duration GIVE_UP = RemoteCatalog.FETCH.plusSeconds(1);
    private static final long NEVER_STARTED = -1;

    private Scenario() {
    }

    /** One {@code jdk.VirtualThreadPinned} event: the virtual thread, why JFR says it was pinned, on what, how long. */
    record Pin(long threadId, String thread, String reason, String blockingOperation, Duration duration) {

        /** The reason with its class names' packages left out: "VM call to BadExample$Prices.<clinit> on stack". */
        String reasonInShort() {
            return reason.replaceAll("\\b(?:[a-z]\\w*\\.)+(?=[A-Z])", "");
        }
    }

    /**
     * What one run measured. {@code otherWaits} holds how long each other request that started waited to start;
     * {@code othersNeverStarted} and {@code priceRequestsStuck} count the requests still waiting when the scenario gave
     * up on them, {@link #GIVE_UP} after the other requests were sent; {@code dump} is the JSON thread dump taken while
     * the other requests waited.
     */
    record Outcome(int carriers, int fetchesAtStartUp, int fetchesServing, boolean othersSentDuringFetch,
                   List<Duration> otherWaits, int othersNeverStarted, int priceRequestsStuck, List<Pin> pins,
                   JsonThreadDump dump) {

        long othersHeldUp() {
            return othersNeverStarted + otherWaits.stream().filter(wait -> wait.compareTo(HELD_UP) >= 0).count();
        }

        Duration shortestWait() {
            return otherWaits.stream().min(Duration::compareTo).orElse(Duration.ZERO);
        }

        Duration longestWait() {
            return otherWaits.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        }

        /** The price requests the dump shows waiting while they keep their carrier. */
        List<JsonThreadDump.DumpedThread> pinnedInDump() {
            return priceRequestsInDump().stream().filter(JsonThreadDump.DumpedThread::waitingOnItsCarrier).toList();
        }

        List<JsonThreadDump.DumpedThread> priceRequestsInDump() {
            return dump.threads().stream().filter(thread -> thread.name().startsWith("price request")).toList();
        }

        Verdict verdict() {
            if (!pins.isEmpty() || othersHeldUp() > 0) {
                return Verdict.FAILURE_SHOWN;
            }
            if (fetchesAtStartUp + fetchesServing == 0 || fetchesServing > 0 && !othersSentDuringFetch) {
                return Verdict.INCONCLUSIVE;
            }
            return Verdict.INVARIANT_HELD;
        }

        String inconclusiveBecause() {
            return fetchesAtStartUp + fetchesServing == 0
                    ? "the list had been loaded before this run, by an earlier one in this JVM: run it in a fresh JVM"
                    : "the fetch ended before the other requests were all sent: this machine was too slow to overlap them";
        }

        /** A summary for assertion messages: the dump itself is hundreds of lines. */
        @Override
        public String toString() {
            return "carriers " + carriers + ", fetches at start-up " + fetchesAtStartUp + " and while serving "
                    + fetchesServing + ", others sent during the fetch " + othersSentDuringFetch + ", others held up "
                    + othersHeldUp() + " (never started " + othersNeverStarted + ", longest wait "
                    + longestWait().toMillis() + " ms), price requests stuck " + priceRequestsStuck + ", pins " + pins
                    + ", price requests in the dump " + priceRequestsInDump();
        }
    }

    /**
     * The virtual-thread scheduler's carriers, as the JDK counts them: its parallelism — the number of processors,
     * unless {@code -Djdk.virtualThreadScheduler.parallelism} says otherwise — capped by
     * {@code -Djdk.virtualThreadScheduler.maxPoolSize} when that is set.
     */
    static int carriers() {
        int parallelism = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors());
        return Math.min(parallelism, Integer.getInteger("jdk.virtualThreadScheduler.maxPoolSize", parallelism));
    }

    static Outcome run(Supplier<PriceList> opener) throws InterruptedException {
        int carriers = carriers();
        List<Pin> recorded = new CopyOnWriteArrayList<>();
        Set<Long> ours = ConcurrentHashMap.newKeySet();
        try (RecordingStream jfr = new RecordingStream()) {
            jfr.enable("jdk.VirtualThreadPinned").withThreshold(JFR_DEFAULT_THRESHOLD);
            jfr.onEvent("jdk.VirtualThreadPinned", event -> recorded.add(pinOf(event)));
            jfr.startAsync();

            int fetchesBefore = RemoteCatalog.fetchesBegun();
            PriceList prices = opener.get();
            prices.startUp();
            int fetchesAtStartUp = RemoteCatalog.fetchesBegun() - fetchesBefore;

            CountDownLatch onCarriers = new CountDownLatch(carriers);
            List<Throwable> crashes = new CopyOnWriteArrayList<>();
            List<Thread> priceRequests = new ArrayList<>();
            for (int r = 1; r <= carriers; r++) {
                Thread request = Thread.ofVirtual().name("price request " + r).unstarted(() -> {
                    onCarriers.countDown();
                    try {
                        long price = prices.priceOf(ITEM);
                        if (price != RemoteCatalog.PRICES.get(ITEM)) {
                            throw new IllegalStateException("the price list answered " + price + " for " + ITEM);
                        }
                    } catch (Throwable crash) {
                        crashes.add(crash);
                    }
                });
                ours.add(request.threadId());
                priceRequests.add(request);
            }
            priceRequests.forEach(Thread::start);
            awaitFetchOrAnswers(onCarriers, priceRequests);

            AtomicLongArray waitNanos = new AtomicLongArray(OTHER_REQUESTS);
            List<Thread> others = new ArrayList<>();
            for (int o = 0; o < OTHER_REQUESTS; o++) {
                int other = o;
                long sent = System.nanoTime();
                waitNanos.set(other, NEVER_STARTED);
                Thread request = Thread.ofVirtual().name("other request " + (o + 1)).unstarted(
                        () -> waitNanos.set(other, System.nanoTime() - sent));
                ours.add(request.threadId());
                others.add(request);
                request.start();
            }
            boolean othersSentDuringFetch = RemoteCatalog.fetchUnderWay();
            JsonThreadDump dump = JsonThreadDump.ofThisJvm();

            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            for (Thread request : concat(priceRequests, others)) {
                request.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
            int priceRequestsStuck = (int) priceRequests.stream().filter(Thread::isAlive).count();
            if (!crashes.isEmpty()) {
                throw new IllegalStateException("a price request failed: " + crashes.getFirst(), crashes.getFirst());
            }
            int fetchesServing = RemoteCatalog.fetchesBegun() - fetchesBefore - fetchesAtStartUp;
            jfr.stop();
            List<Duration> otherWaits = IntStream.range(0, OTHER_REQUESTS).mapToLong(waitNanos::get)
                    .filter(nanos -> nanos != NEVER_STARTED).mapToObj(Duration::ofNanos).toList();
            List<Pin> pins = recorded.stream().filter(pin -> ours.contains(pin.threadId())).toList();
            return new Outcome(carriers, fetchesAtStartUp, fetchesServing, othersSentDuringFetch, otherWaits,
                    OTHER_REQUESTS - otherWaits.size(), priceRequestsStuck, pins, dump);
        }
    }

    /**
     * Waits until every price request is on a carrier and then until the fetch is under way or every price request has
     * its answer. Not within {@link #STALL} means the requests that got a carrier keep it, waiting for something that
     * cannot run: the other requests are sent all the same, and what they wait is measured.
     */
    private static void awaitFetchOrAnswers(CountDownLatch onCarriers, List<Thread> priceRequests)
            throws InterruptedException {
        if (onCarriers.await(STALL.toMillis(), TimeUnit.MILLISECONDS)) {
            try {
                Await.until(() -> RemoteCatalog.fetchUnderWay() || priceRequests.stream().noneMatch(Thread::isAlive),
                        STALL, "stalled");
            } catch (IllegalStateException stalled) {
                // measured by what follows: the other requests' waits, and the price requests still stuck at the end
            }
        }
    }

    private static Pin pinOf(RecordedEvent event) {
        return new Pin(event.getThread() == null ? -1 : event.getThread().getJavaThreadId(),
                event.getThread() == null ? "?" : event.getThread().getJavaName(), event.getString("pinnedReason"),
                event.getString("blockingOperation"), event.getDuration());
    }

    private static List<Thread> concat(List<Thread> first, List<Thread> second) {
        List<Thread> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    static Verdict demonstrate(String example, Supplier<PriceList> opener) throws InterruptedException {
        Outcome outcome = run(opener);
        Facts.record("carriers", outcome.carriers());
        Facts.record("othersHeldUp", outcome.othersHeldUp());
        Facts.record("priceRequestsStuck", outcome.priceRequestsStuck());
        Facts.record("pins", outcome.pins().size());
        System.out.printf("4.6 Virtual-thread pinning — %s%n", example);
        System.out.printf("%s (one per carrier of the virtual-thread scheduler) ask for the price list, which loads from"
                + " the remote catalog for %d ms.%n", count(outcome.carriers(), "price request"),
                RemoteCatalog.FETCH.toMillis());
        if (outcome.verdict() == Verdict.INCONCLUSIVE) {
            System.out.println("INCONCLUSIVE: " + outcome.inconclusiveBecause() + ".");
            return Verdict.INCONCLUSIVE;
        }
        System.out.printf("%d other requests, which need no prices, arrived while it loaded: %d of them waited %d ms or"
                + " more to start", OTHER_REQUESTS, outcome.othersHeldUp(), HELD_UP.toMillis());
        if (outcome.othersNeverStarted() > 0) {
            System.out.printf(", %d never started in %d ms", outcome.othersNeverStarted(), GIVE_UP.toMillis());
        }
        if (!outcome.otherWaits().isEmpty()) {
            System.out.printf(" (the shortest wait %d ms, the longest %d ms)", outcome.shortestWait().toMillis(),
                    outcome.longestWait().toMillis());
        }
        System.out.println(".");
        if (outcome.pins().isEmpty()) {
            System.out.println("JFR recorded no jdk.VirtualThreadPinned event on these requests.");
        } else {
            System.out.printf("JFR recorded %s:%n", count(outcome.pins().size(), "jdk.VirtualThreadPinned event"));
            for (Pin pin : outcome.pins()) {
                System.out.printf("  \"%s\" pinned %d ms: %s (blocked in %s)%n", pin.thread(), pin.duration().toMillis(),
                        pin.reasonInShort(), pin.blockingOperation());
            }
        }
        List<JsonThreadDump.DumpedThread> pinned = outcome.pinnedInDump();
        System.out.printf("The JSON thread dump taken meanwhile shows %s.%n", pinned.isEmpty()
                ? "no price request waiting on a carrier"
                : count(pinned.size(), "price request") + " waiting while still mounted on a carrier");
        for (JsonThreadDump.DumpedThread thread : outcome.priceRequestsInDump()) {
            if (thread.carrier().isPresent()) {
                System.out.printf("  \"%s\" %s on carrier %s%s%n", thread.name(), thread.state(),
                        outcome.dump().withTid(thread.carrier().get()).map(JsonThreadDump.DumpedThread::name)
                                .orElse("#" + thread.carrier().get()),
                        thread.inFrame("$Prices", "<clinit>") ? ", in Prices.<clinit>"
                                : thread.state().equals("RUNNABLE") ? " (a wait for another thread's class initialization"
                                + " shows as RUNNABLE)" : "");
            }
        }
        if (outcome.priceRequestsStuck() > 0) {
            System.out.printf("STALLED: %s still waiting after %d ms, each keeping its carrier, for work that needs a"
                    + " carrier to run: no virtual thread will run again in this JVM. JFR records a pin when it ends, and"
                    + " these never do.%n", count(outcome.priceRequestsStuck(), "price request"), GIVE_UP.toMillis());
        } else if (outcome.othersHeldUp() > 0) {
            System.out.println("PINNED: the price requests kept every carrier while the list loaded, and nothing else"
                    + " ran.");
        } else if (!outcome.pins().isEmpty()) {
            System.out.println("PINNED: JFR saw the requests pinned, though the other requests found a free carrier.");
        } else {
            System.out.println("The carriers stayed free while the list loaded: the other requests started at once.");
        }
        return outcome.verdict();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
