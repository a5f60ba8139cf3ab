package org.concurrencyhandbook.apipitfalls.wronglock;

import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario every box office runs, in two scenes.
 *
 * <ol>
 *   <li><b>Three clerks, each arriving mid-sale.</b> Clerk-1 sells {@value #SEATS_PER_SALE} seats; while it prints
 *       its tickets — inside the critical section, between reading the count and writing it — clerk-2 comes to the
 *       till, and the printer waits until clerk-2 is printing too and has done the same for clerk-3, or is blocked on
 *       a lock clerk-1 holds. A box office whose lock excludes the other clerks makes each one
 *       queue, and the seats come out 1 to 6; a lock that some clerk does not share lets it in, to read a count that
 *       is about to change.</li>
 *   <li><b>A stranger.</b> Another component of the same JVM holds the monitors of objects the whole JVM shares — the
 *       string literals {@code "lock"} and {@code "LOCK"} (interned: every class that writes them gets the same
 *       object), the {@code Integer} 0 (cached), and the box office's class — while a clerk sells on a new box office.
 *       The clerk must finish; a sale held up by a lock the stranger holds has been synchronized with code it never knew.</li>
 * </ol>
 *
 * <p>Every wait is forced, none timed: the same seats on every run, one CPU included. The invariant: each seat sold
 * once, the count equal to the seats sold, and no sale held up by anybody's lock but a clerk's.
 */
final class Scenario {

    static final int CLERKS = 3;
    static final int SEATS_PER_SALE = 2;
    static final int SEATS = CLERKS * SEATS_PER_SALE;
    /** What the stranger locks besides the box office's class: objects any code in the JVM gets by writing them. */
    static final List<Object> JVM_SHARED = List.of("lock", "LOCK", Integer.valueOf(0));
    static final String JVM_SHARED_IN_WORDS = "the strings \"lock\" and \"LOCK\", the Integer 0 and the box office's class";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /**
     * The seats printed, in order; the count the box office kept; the monitors two clerks held while they were inside
     * at once, if they were; and whether the stranger's lock held up a sale.
     */
    record Outcome(List<Integer> printed, int counted, List<String> insideAtOnce, boolean heldUpByStranger) {
        List<Integer> soldTwice() {
            Map<Integer, Long> times = printed.stream()
                    .collect(Collectors.groupingBy(seat -> seat, TreeMap::new, Collectors.counting()));
            return times.entrySet().stream().filter(seat -> seat.getValue() > 1).map(Map.Entry::getKey).toList();
        }

        Verdict verdict() {
            return soldTwice().isEmpty() && counted == SEATS && printed.size() == SEATS && !heldUpByStranger
                    ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Function<BoxOffice.TicketPrinter, BoxOffice> opener) throws InterruptedException {
        List<Integer> printed = Collections.synchronizedList(new ArrayList<>());
        List<String> insideAtOnce = Collections.synchronizedList(new ArrayList<>());
        Workers workers = new Workers();
        List<Thread> clerks = new ArrayList<>();
        Map<Thread, String> printingHolding = new ConcurrentHashMap<>();
        Set<Thread> throughTheSeam = ConcurrentHashMap.newKeySet();
        BoxOffice boxOffice = opener.apply((firstSeat, seats) -> {
            Thread me = Thread.currentThread();
            for (int seat = firstSeat; seat < firstSeat + seats; seat++) {
                printed.add(seat);
            }
            printingHolding.put(me, monitorsHeld(me));
            int next = clerks.indexOf(me) + 1;
            if (next > 0 && next < CLERKS && clerks.get(next).getState() == Thread.State.NEW) {
                Thread nextClerk = clerks.get(next);
                nextClerk.start();
                // Through its own seam: the clerk after it has come in, or queued, too — so none has written yet.
                Await.arrivedOrBlockedBy(List.of(nextClerk), throughTheSeam::contains, me, PATIENCE);
                if (printingHolding.containsKey(nextClerk)) {
                    insideAtOnce.add(me.getName() + " holding " + printingHolding.get(me) + ", " + nextClerk.getName()
                            + " holding " + printingHolding.get(nextClerk));
                }
            }
            throughTheSeam.add(me);
        });
        for (int c = 1; c <= CLERKS; c++) {
            clerks.add(workers.add("clerk-" + c, () -> boxOffice.sell(SEATS_PER_SALE)));
        }
        clerks.getFirst().start();
        workers.awaitAll(PATIENCE);
        return new Outcome(List.copyOf(printed), boxOffice.sold(), List.copyOf(insideAtOnce), heldUpByStranger(opener));
    }

    private static boolean heldUpByStranger(Function<BoxOffice.TicketPrinter, BoxOffice> opener)
            throws InterruptedException {
        BoxOffice boxOffice = opener.apply((firstSeat, seats) -> { });
        CountDownLatch strangerHolds = new CountDownLatch(1);
        CountDownLatch strangerMayGo = new CountDownLatch(1);
        Workers stranger = new Workers();
        List<Object> shared = new ArrayList<>(JVM_SHARED);
        shared.add(boxOffice.getClass());
        Thread strangerThread = stranger.add("stranger", () -> holdAll(shared, () -> {
            strangerHolds.countDown();
            Await.opened(strangerMayGo, PATIENCE, "the scenario never let the stranger go");
        }));
        stranger.startAll();
        Await.opened(strangerHolds, PATIENCE, "the stranger never took its lock");
        Workers clerk = new Workers();
        Thread clerkThread = clerk.add("clerk", () -> boxOffice.sell(SEATS_PER_SALE));
        clerk.startAll();
        Await.arrivedOrBlockedBy(List.of(clerkThread), thread -> false, strangerThread, PATIENCE);
        boolean heldUp = clerkThread.getState() != Thread.State.TERMINATED;
        strangerMayGo.countDown();
        clerk.awaitAll(PATIENCE);
        stranger.awaitAll(PATIENCE);
        return heldUp;
    }

    /** Runs {@code inside} holding the monitor of every object of {@code locks}. */
    private static void holdAll(List<Object> locks, Runnable inside) {
        if (locks.isEmpty()) {
            inside.run();
            return;
        }
        synchronized (locks.getFirst()) {
            holdAll(locks.subList(1, locks.size()), inside);
        }
    }

    /** The classes of the monitors {@code thread} holds right now, each with its identity: "Integer@1b6d3586". */
    private static String monitorsHeld(Thread thread) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(new long[] {thread.threadId()}, true, false)[0];
        List<String> held = Arrays.stream(info.getLockedMonitors())
                .map(MonitorInfo::toString).map(monitor -> monitor.substring(monitor.lastIndexOf('.') + 1)).toList();
        return held.isEmpty() ? "no monitor" : String.join(", ", held);
    }

    static Verdict demonstrate(String example, Function<BoxOffice.TicketPrinter, BoxOffice> opener)
            throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("3.10 Locking on the wrong object — %s%n", example);
        System.out.printf("%d clerks sold %d seats each; each came to the till while the one before was printing its"
                + " tickets.%n", CLERKS, SEATS_PER_SALE);
        System.out.printf("Tickets printed for seats %s; seats sold, as the box office counts them: %d of %d.%n",
                outcome.printed(), outcome.counted(), SEATS);
        if (!outcome.soldTwice().isEmpty()) {
            System.out.printf("SOLD TWICE: seats %s. Inside the synchronized block at once: %s — each clerk locked"
                    + " whatever object it found, and they were not the same.%n", outcome.soldTwice(),
                    String.join("; ", outcome.insideAtOnce()));
        }
        System.out.printf("Another component of the JVM, holding %s locked for its own reasons, %s.%n",
                JVM_SHARED_IN_WORDS, outcome.heldUpByStranger() ? "held up a sale until it let go" : "held up no sale");
        if (outcome.heldUpByStranger()) {
            System.out.println("SHARED LOCK: the box office locks an object the whole JVM can reach, so unrelated code"
                    + " can stall it, or deadlock with it.");
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("Every seat sold once; the clerks queued on one lock, and no one else held it.");
        }
        return outcome.verdict();
    }
}
