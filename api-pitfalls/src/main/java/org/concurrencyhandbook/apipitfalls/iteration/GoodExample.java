package org.concurrencyhandbook.apipitfalls.iteration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * 3.11 Iterating a collection others modify — a {@code CopyOnWriteArrayList}, iterated over its snapshot.
 *
 * <p>Every change to a {@code CopyOnWriteArrayList} copies its array; an iterator walks the array as it was when the
 * iterator was made, and never sees a change. So sending goes to exactly the people subscribed when it began, while
 * others subscribe and unsubscribe freely — no lock is held over the mailing, and nobody waits for it. It is the
 * collection for read-mostly lists, listeners and subscribers above all; every write costs a copy, so it is the wrong
 * one for a list written often. Where writes are frequent: take a snapshot under the list's lock and iterate the
 * snapshot outside it, or hold the lock for the whole iteration if the loop is short and calls nothing unknown (3.2);
 * {@code ConcurrentIterationTest} runs both beside this one.
 *
 * <p>Run it: {@code ./handbook 3.11}. It exits 0 because everyone subscribed throughout got the issue exactly once.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 3.11} printed:
 * <pre>
 * An issue sent to 5 subscribers, ann{@literal @}, bob{@literal @}, cat{@literal @}, dan{@literal @}, eve{@literal @}; at one mailing, another thread unsubscribed ann{@literal @}, who had it already.
 * Unsubscribed at mailing 1 of 5: mailed [ann{@literal @}, bob{@literal @}, cat{@literal @}, dan{@literal @}, eve{@literal @}].
 * Unsubscribed at mailing 4 of 5: mailed [ann{@literal @}, bob{@literal @}, cat{@literal @}, dan{@literal @}, eve{@literal @}].
 * Everyone subscribed throughout got the issue exactly once, and the unsubscription took effect.
 * </pre>
 */
public final class GoodExample implements MailingList {

    private final List<String> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void subscribe(String address) {
        subscribers.add(address);
    }

    @Override
    public void unsubscribe(String address) {
        subscribers.remove(address);
    }

    @Override
    public void sendToAll(Consumer<String> mailer) {
        for (String address : subscribers) {
            mailer.accept(address);
        }
    }

    @Override
    public List<String> addresses() {
        return List.copyOf(subscribers);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
