package org.concurrencyhandbook.apipitfalls.iteration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.support.Workers;

/**
 * The scenario every mailing list runs, in two scenes on a fresh list of {@value #SUBSCRIBERS} subscribers. The issue is
 * being sent; at one mailing — the first in scene 1, the second-to-last in scene 2 — another thread unsubscribes the
 * first reader, who has had the issue already, and the mailer waits until that thread is done or is blocked on a lock
 * the sending thread holds. Every wait is forced, none timed: the same mailings on every run, one CPU included.
 *
 * <p>The invariant: everyone subscribed from the first mailing to the last gets the issue exactly once, the sending
 * ends normally, and the unsubscription takes effect.
 */
final class Scenario {

    static final int SUBSCRIBERS = 5;
    static final List<String> READERS = List.of("ann@", "bob@", "cat@", "dan@", "eve@");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** One scene: who got the issue, in order; what the sending threw, if anything; who is subscribed afterwards. */
    record Scene(int unsubscribedAtMailing, List<String> mailed, String thrown, List<String> subscribedAfter) {
        /** The readers subscribed throughout — all but the first — who got no issue. */
        List<String> missed() {
            return READERS.subList(1, SUBSCRIBERS).stream().filter(reader -> !mailed.contains(reader)).toList();
        }

        List<String> mailedTwice() {
            return READERS.stream().filter(reader -> Collections.frequency(mailed, reader) > 1).toList();
        }

        boolean held() {
            return thrown.isEmpty() && missed().isEmpty() && mailedTwice().isEmpty()
                    && subscribedAfter.equals(READERS.subList(1, SUBSCRIBERS));
        }
    }

    record Outcome(Scene atTheFirstMailing, Scene atTheSecondToLast) {
        Verdict verdict() {
            return atTheFirstMailing.held() && atTheSecondToLast.held() ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Supplier<MailingList> opener) throws InterruptedException {
        return new Outcome(scene(opener.get(), 1), scene(opener.get(), SUBSCRIBERS - 1));
    }

    private static Scene scene(MailingList list, int unsubscribeAt) throws InterruptedException {
        READERS.forEach(list::subscribe);
        List<String> mailed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger mailings = new AtomicInteger();
        Workers unsubscriber = new Workers();
        Thread leaving = unsubscriber.add("unsubscriber", () -> list.unsubscribe(READERS.getFirst()));
        AtomicReference<String> thrown = new AtomicReference<>("");
        Workers sender = new Workers();
        sender.add("sender", () -> {
            try {
                list.sendToAll(address -> {
                    mailed.add(address);
                    if (mailings.incrementAndGet() == unsubscribeAt) {
                        unsubscriber.startAll();
                        Await.arrivedOrBlockedByMe(List.of(leaving), thread -> false, PATIENCE);
                    }
                });
            } catch (RuntimeException failure) {
                thrown.set(failure.getClass().getSimpleName());
            }
        });
        sender.startAll().awaitAll(PATIENCE);
        unsubscriber.startAll().awaitAll(PATIENCE);
        return new Scene(unsubscribeAt, List.copyOf(mailed), thrown.get(), list.addresses());
    }

    static Verdict demonstrate(String example, Supplier<MailingList> opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("3.11 Iterating a collection others modify — %s%n", example);
        System.out.printf("An issue sent to %d subscribers, %s; at one mailing, another thread unsubscribed %s, who had"
                + " it already.%n", SUBSCRIBERS, String.join(", ", READERS), READERS.getFirst());
        for (Scene scene : List.of(outcome.atTheFirstMailing(), outcome.atTheSecondToLast())) {
            System.out.printf("Unsubscribed at mailing %d of %d: mailed %s%s.%n", scene.unsubscribedAtMailing(),
                    SUBSCRIBERS, scene.mailed(), scene.thrown().isEmpty() ? "" : ", then the loop threw " + scene.thrown());
            if (!scene.missed().isEmpty()) {
                System.out.printf("  MISSED: %s, subscribed from start to end, never got the issue%s.%n", scene.missed(),
                        scene.thrown().isEmpty() ? " — and nothing was thrown, nothing logged" : "");
            }
            if (!scene.mailedTwice().isEmpty()) {
                System.out.printf("  TWICE: %s got the issue twice.%n", scene.mailedTwice());
            }
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("Everyone subscribed throughout got the issue exactly once, and the unsubscription took"
                    + " effect.");
        }
        return outcome.verdict();
    }
}
