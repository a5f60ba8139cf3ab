package org.concurrencyhandbook.apipitfalls.iteration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * 3.11 Iterating a collection others modify — a for-each over an {@code ArrayList} that another thread changes.
 *
 * <p>Subscribing and unsubscribing are {@code synchronized}; sending is not, because it "only reads" and takes long.
 * But a for-each loop is an {@code Iterator}, and an {@code ArrayList}'s iterator remembers how many times the list
 * had been modified when it began: when someone unsubscribes mid-send, the next step of the loop finds the count
 * changed and throws {@code ConcurrentModificationException} — the issue goes to the first reader and nobody else.
 * The check is a courtesy, "on a best-effort basis", says the Javadoc: another interleaving would not throw, and would
 * send to the wrong people instead.
 *
 * <p>Run it: {@code ./handbook 3.11}. It exits 4 (failure shown) because the sending stopped after one subscriber.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.11} printed:
 * <pre>
 * An issue sent to 5 subscribers, ann{@literal @}, bob{@literal @}, cat{@literal @}, dan{@literal @}, eve{@literal @}; at one mailing, another thread unsubscribed ann{@literal @}, who had it already.
 * Unsubscribed at mailing 1 of 5: mailed [ann{@literal @}], then the loop threw ConcurrentModificationException.
 *   MISSED: [bob{@literal @}, cat{@literal @}, dan{@literal @}, eve{@literal @}], subscribed from start to end, never got the issue.
 * Unsubscribed at mailing 4 of 5: mailed [ann{@literal @}, bob{@literal @}, cat{@literal @}, dan{@literal @}].
 *   MISSED: [eve{@literal @}], subscribed from start to end, never got the issue — and nothing was thrown, nothing logged.
 * </pre>
 */
public final class BadExample implements MailingList {

    private final List<String> subscribers = new ArrayList<>();

    @Override
    public synchronized void subscribe(String address) {
        subscribers.add(address);
    }

    @Override
    public synchronized void unsubscribe(String address) {
        subscribers.remove(address);
    }

    @Override
    public void sendToAll(Consumer<String> mailer) {
        // Wrong: iterates without the lock that every change to the list takes.
        for (String address : subscribers) {
            mailer.accept(address);
        }
    }

    @Override
    public synchronized List<String> addresses() {
        return List.copyOf(subscribers);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
