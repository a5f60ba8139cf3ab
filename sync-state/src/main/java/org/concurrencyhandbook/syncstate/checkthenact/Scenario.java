package org.concurrencyhandbook.syncstate.checkthenact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario both examples run: four callers ask the registry for the client of one host, the last three while
 * the first client is still being opened.
 *
 * <p>The opener we hand the registry is slow in one precise way: it finishes opening only once every other caller
 * has either reached the opener too, or is blocked waiting for a lock. A registry that checks and then acts lets all
 * four reach the opener; a registry that makes the check and the act one step keeps the other three waiting. Either
 * way the scenario goes on at once — it waits for an event, not for a length of time.
 */
final class Scenario {

    static final String HOST = "db.internal:5432";
    static final int CALLERS = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** How many clients were opened for the one host, and how many different ones the callers received. */
    record Outcome(int opened, int distinctClientsHandedOut) {
        int leaked() {
            return opened - 1;
        }

        Verdict verdict() {
            return opened == 1 && distinctClientsHandedOut == 1 ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Function<ClientRegistry.Opener, ClientRegistry> registryOn) throws InterruptedException {
        AtomicInteger opened = new AtomicInteger();
        Workers workers = new Workers();
        List<Thread> callers = new ArrayList<>();
        Set<Thread> inOpener = ConcurrentHashMap.newKeySet();
        CountDownLatch firstIsOpening = new CountDownLatch(1);
        ClientRegistry registry = registryOn.apply(host -> {
            inOpener.add(Thread.currentThread());
            firstIsOpening.countDown();
            Thread me = Thread.currentThread();
            Await.arrivedOrBlocked(callers.stream().filter(c -> c != me).toList(), inOpener::contains, PATIENCE);
            return new ClientRegistry.Client(host, opened.incrementAndGet());
        });

        List<ClientRegistry.Client> handedOut = new CopyOnWriteArrayList<>();
        for (int c = 1; c <= CALLERS; c++) {
            callers.add(workers.add("caller-" + c, () -> handedOut.add(registry.clientFor(HOST))));
        }
        callers.getFirst().start();
        if (!firstIsOpening.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the first caller never started opening a client");
        }
        workers.startAll().awaitAll(PATIENCE.multipliedBy(2));
        return new Outcome(opened.get(), (int) handedOut.stream().distinct().count());
    }

    static Verdict demonstrate(String example, Function<ClientRegistry.Opener, ClientRegistry> registryOn) throws InterruptedException {
        Outcome outcome = run(registryOn);
        System.out.printf("1.1 Race condition (check-then-act) — %s%n", example);
        System.out.printf("%d callers asked for the client of %s; the last %d asked while the first was being opened.%n",
                CALLERS, HOST, CALLERS - 1);
        System.out.printf("Clients opened: %d. Different clients handed out: %d.%n", outcome.opened(), outcome.distinctClientsHandedOut());
        if (outcome.verdict() == Verdict.FAILURE_SHOWN) {
            System.out.printf("DUPLICATES: %d clients were opened for one host; the registry keeps one, so %d leaked"
                    + " — every caller checked \"is there a client?\" before any had been stored.%n", outcome.opened(), outcome.leaked());
        } else {
            System.out.println("Exactly one client was opened, and every caller got it.");
        }
        return outcome.verdict();
    }
}
