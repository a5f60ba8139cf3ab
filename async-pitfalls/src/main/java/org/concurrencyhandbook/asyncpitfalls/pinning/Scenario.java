package org.concurrencyhandbook.asyncpitfalls.pinning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
 * {@code jdk.VirtualThreadPinned}, with the JDK's default 20 ms threshold; and a JSON thread dump taken while the other
 * requests wait. The invariant: no virtual thread pinned, no other request held up by the load, every price right.
 *
 * <p>The price requests are as many as the carriers so that, if waiting for the list pins them, no carrier is left —
 * on any machine, one CPU included. The other requests are sent once every price request is on its carrier and the
 * fetch is under way: no timing decides whether they arrive during the load.
 */
final class Scenario {

    static final int OTHER_REQUESTS = 100;
    static final String ITEM = "tea";
    /**
     * How long another request may wait to start before it counts as held up by the load: half the fetch. Measured
     * here (2 cores, the other one busy or not): with the carriers pinned every other request waited 480–500 ms; with
     * none pinned the longest wait was 1–6 ms.
     */
    static final Duration HELD_UP = RemoteCatalog.FETCH.dividedBy(2);
    /** The threshold of {@code jdk.VirtualThreadPinned} in the JDK's {@code default} and {@code profile} settings. */
    private static final Duration JFR_DEFAULT_THRESHOLD = Duration.ofMillis(20);
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** One {@code jdk.VirtualThreadPinned} event: the virtual thread, why JFR says it was pinned, on what, how long. */
    record Pin(String thread, String reason, String blockingOperation, Duration duration) {

        /** The reason with its class names' packages left out: "VM call to BadExample$Prices.<clinit> on stack". */
        String reasonInShort() {
            return reason.replaceAll("\\b(?:[a-z]\\w*\\.)+(?=[A-Z])", "");
        }
    }

    /**
     * What one run measured. {@code otherWaits} holds how long each other request waited to start ({@link #LIMIT} for
     * one that never did); {@code dump} is the JSON thread dump taken while they waited.
     */
    record Outcome(int carriers, int fetchesAtStartUp, int fetchesServing, boolean othersSentDuringFetch,
                   int pricesRight, List<Duration> otherWaits, List<Pin> pins, JsonThreadDump dump) {

        long othersHeldUp() {
            return otherWaits.stream().filter(wait -> wait.compareTo(HELD_UP) >= 0).count();
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
            if (fetchesAtStartUp + fetchesServing == 0) {
                return Verdict.INCONCLUSIVE;
            }
            if (!pins.isEmpty() || othersHeldUp() > 0 || pricesRight < carriers) {
                return Verdict.FAILURE_SHOWN;
            }
            return fetchesServing > 0 && !othersSentDuringFetch ? Verdict.INCONCLUSIVE : Verdict.INVARIANT_HELD;
        }

        /** A summary for assertion messages: the dump itself is hundreds of lines. */
        @Override
        public String toString() {
            return "carriers " + carriers + ", fetches at start-up " + fetchesAtStartUp + " and while serving "
                    + fetchesServing + ", others sent during the fetch " + othersSentDuringFetch + ", prices right "
                    + pricesRight + ", others held up " + othersHeldUp() + " (longest wait " + longestWait().toMillis()
                    + " ms), pins " + pins + ", price requests in the dump " + priceRequestsInDump();
        }

        String inconclusiveBecause() {
            return fetchesAtStartUp + fetchesServing == 0
                    ? "the list had been loaded before this run, by an earlier one in this JVM: run it in a fresh JVM"
                    : "the fetch ended before the other requests were all sent: this machine was too slow to overlap them";
        }
    }

    /**
     * The virtual-thread scheduler's carriers: its parallelism, which is the number of processors unless
     * {@code -Djdk.virtualThreadScheduler.parallelism} says otherwise.
     */
    static int carriers() {
        return Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
    }

    static Outcome run(Supplier<PriceList> opener) throws InterruptedException {
        int carriers = carriers();
        List<Pin> pins = new CopyOnWriteArrayList<>();
        try (RecordingStream jfr = new RecordingStream()) {
            jfr.enable("jdk.VirtualThreadPinned").withThreshold(JFR_DEFAULT_THRESHOLD);
            jfr.onEvent("jdk.VirtualThreadPinned", event -> pins.add(pinOf(event)));
            jfr.startAsync();

            int fetchesBefore = RemoteCatalog.fetchesBegun();
            PriceList prices = opener.get();
            prices.startUp();
            int fetchesAtStartUp = RemoteCatalog.fetchesBegun() - fetchesBefore;

            CountDownLatch onCarriers = new CountDownLatch(carriers);
            AtomicInteger pricesRight = new AtomicInteger();
            List<Thread> priceRequests = new ArrayList<>();
            for (int r = 1; r <= carriers; r++) {
                priceRequests.add(Thread.ofVirtual().name("price request " + r).start(() -> {
                    onCarriers.countDown();
                    if (prices.priceOf(ITEM) == RemoteCatalog.PRICES.get(ITEM)) {
                        pricesRight.incrementAndGet();
                    }
                }));
            }
            Await.opened(onCarriers, LIMIT, "the price requests did not all start within " + LIMIT.toSeconds() + " s");
            Await.until(() -> RemoteCatalog.fetchUnderWay() || priceRequests.stream().noneMatch(Thread::isAlive), LIMIT,
                    "no fetch began and the price requests did not end within " + LIMIT.toSeconds() + " s");

            AtomicLongArray waitNanos = new AtomicLongArray(OTHER_REQUESTS);
            List<Thread> others = new ArrayList<>();
            for (int o = 0; o < OTHER_REQUESTS; o++) {
                int other = o;
                long sent = System.nanoTime();
                waitNanos.set(other, LIMIT.toNanos());
                others.add(Thread.ofVirtual().name("other request " + (o + 1))
                        .start(() -> waitNanos.set(other, System.nanoTime() - sent)));
            }
            boolean othersSentDuringFetch = RemoteCatalog.fetchUnderWay();
            JsonThreadDump dump = JsonThreadDump.ofThisJvm();

            long deadline = System.nanoTime() + LIMIT.toNanos();
            for (Thread request : concat(priceRequests, others)) {
                request.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
            int fetchesServing = RemoteCatalog.fetchesBegun() - fetchesBefore - fetchesAtStartUp;
            jfr.stop();
            List<Duration> otherWaits = IntStream.range(0, OTHER_REQUESTS)
                    .mapToObj(other -> Duration.ofNanos(waitNanos.get(other))).toList();
            return new Outcome(carriers, fetchesAtStartUp, fetchesServing, othersSentDuringFetch, pricesRight.get(),
                    otherWaits, List.copyOf(pins), dump);
        }
    }

    private static Pin pinOf(RecordedEvent event) {
        return new Pin(event.getThread() == null ? "?" : event.getThread().getJavaName(), event.getString("pinnedReason"),
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
        Facts.record("pins", outcome.pins().size());
        System.out.printf("4.6 Virtual-thread pinning — %s%n", example);
        System.out.printf("%d price requests (one per carrier of the virtual-thread scheduler) ask for the price list,"
                + " which loads from the remote catalog for %d ms.%n", outcome.carriers(), RemoteCatalog.FETCH.toMillis());
        if (outcome.verdict() == Verdict.INCONCLUSIVE) {
            System.out.println("INCONCLUSIVE: " + outcome.inconclusiveBecause() + ".");
            return Verdict.INCONCLUSIVE;
        }
        System.out.printf("%d other requests, which need no prices, arrived while it loaded: %d of them waited %d ms or"
                + " more to start (the shortest wait %d ms, the longest %d ms).%n", OTHER_REQUESTS, outcome.othersHeldUp(),
                HELD_UP.toMillis(), outcome.shortestWait().toMillis(), outcome.longestWait().toMillis());
        System.out.printf("Prices answered right: %d of %d.%n", outcome.pricesRight(), outcome.carriers());
        if (outcome.pins().isEmpty()) {
            System.out.println("JFR recorded no jdk.VirtualThreadPinned event.");
        } else {
            System.out.printf("JFR recorded %d jdk.VirtualThreadPinned events:%n", outcome.pins().size());
            for (Pin pin : outcome.pins()) {
                System.out.printf("  \"%s\" pinned %d ms: %s (blocked in %s)%n", pin.thread(), pin.duration().toMillis(),
                        pin.reasonInShort(), pin.blockingOperation());
            }
        }
        List<JsonThreadDump.DumpedThread> pinned = outcome.pinnedInDump();
        System.out.printf("The JSON thread dump taken meanwhile shows %s.%n", pinned.isEmpty()
                ? "no price request waiting on a carrier"
                : pinned.size() + " price request waiting while still mounted on its carrier");
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
        if (outcome.verdict() == Verdict.FAILURE_SHOWN) {
            System.out.println("PINNED: the price requests kept every carrier while the list loaded, and nothing else"
                    + " ran.");
        } else {
            System.out.println("The carriers stayed free while the list loaded: the other requests started at once.");
        }
        return outcome.verdict();
    }
}
