package org.concurrencyhandbook.apipitfalls.iteration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.concurrencyhandbook.testkit.Fix;

/** The mailing lists 3.11's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherMailingLists {

    static final Fix<Supplier<MailingList>> SYNCHRONIZED_LIST_UNLOCKED =
            Fix.of("Collections.synchronizedList, iterated without its lock", SynchronizedListUnlocked::new);
    static final Fix<Supplier<MailingList>> INDEX_LOOP = Fix.of("a loop by index, get(i)", IndexLoop::new);
    static final List<Fix<Supplier<MailingList>>> RIGHT_FIXES = List.of(
            Fix.of("synchronizedList, iterated inside synchronized (list)", SynchronizedListLocked::new),
            Fix.of("a snapshot taken under the lock, iterated outside it", SnapshotUnderTheLock::new));

    private OtherMailingLists() {
    }

    /** The shape of the variants on a synchronized list: each is its {@code sendToAll}. */
    private abstract static class OnASynchronizedList implements MailingList {
        final List<String> subscribers = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void subscribe(String address) {
            subscribers.add(address);
        }

        @Override
        public void unsubscribe(String address) {
            subscribers.remove(address);
        }

        @Override
        public List<String> addresses() {
            return List.copyOf(subscribers);
        }
    }

    /** Every method of the list is synchronized — but an iteration is many calls, and none of them holds the lock. */
    private static final class SynchronizedListUnlocked extends OnASynchronizedList {
        @Override
        public void sendToAll(Consumer<String> mailer) {
            for (String address : subscribers) {
                mailer.accept(address);
            }
        }
    }

    /** No iterator, so no {@code ConcurrentModificationException} — and a removal shifts the next reader under i. */
    private static final class IndexLoop extends OnASynchronizedList {
        @Override
        public void sendToAll(Consumer<String> mailer) {
            for (int i = 0; i < subscribers.size(); i++) {
                mailer.accept(subscribers.get(i));
            }
        }
    }

    /** As {@code Collections.synchronizedList}'s Javadoc says to: the list's own lock held for the whole loop. */
    private static final class SynchronizedListLocked extends OnASynchronizedList {
        @Override
        public void sendToAll(Consumer<String> mailer) {
            synchronized (subscribers) {
                for (String address : subscribers) {
                    mailer.accept(address);
                }
            }
        }
    }

    /** The lock held only to copy; the mailing, which may be slow, done outside it. */
    private static final class SnapshotUnderTheLock extends OnASynchronizedList {
        @Override
        public void sendToAll(Consumer<String> mailer) {
            List<String> snapshot;
            synchronized (subscribers) {
                snapshot = List.copyOf(subscribers);
            }
            snapshot.forEach(mailer);
        }
    }
}
