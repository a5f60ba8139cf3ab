package org.concurrencyhandbook.asyncpitfalls.neverruns;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.concurrencyhandbook.testkit.Fix;

/**
 * The dispatchers 4.2's test runs besides Bad and Good: the fixes readers try, wrong and right. Each is the
 * {@code GoodExample} with one call done another way.
 */
final class OtherDispatches {

    static final Fix<Dispatch> COUNT_AS_TERMINAL = Fix.of("peek(...).count() as the terminal operation", new CountAsTerminal());
    static final Fix<Dispatch> FIND_ANY_AS_TERMINAL = Fix.of("peek(...).findAny() as the terminal operation", new FindAnyAsTerminal());
    static final Fix<Dispatch> MAPPED_TO_LIST = Fix.of("map(...).toList(), the results kept", new MappedToList());
    static final List<Fix<Dispatch>> RIGHT_FIXES = List.of(
            Fix.of("a virtual thread, Thread.startVirtualThread", new VirtualThread()), MAPPED_TO_LIST);

    private OtherDispatches() {
    }

    /** Like GoodExample, except where a variant says otherwise. */
    private static class Good implements Dispatch {
        @Override
        public Thread inBackground(Runnable job) {
            Thread worker = new Thread(job, "background job");
            worker.start();
            return worker;
        }

        @Override
        public void notifyEach(List<String> addresses, Consumer<String> notifier) {
            addresses.stream().forEach(notifier);
        }

        @Override
        public CompletableFuture<?> accountOf(String user, Directory directory) {
            return directory.userId(user).thenCompose(directory::account);
        }
    }

    /**
     * A terminal operation, so the stream runs — except that since JDK 9 {@code count()} on a stream whose size is
     * known computes it without traversing, and {@code peek} never runs.
     */
    private static final class CountAsTerminal extends Good {
        @Override
        public void notifyEach(List<String> addresses, Consumer<String> notifier) {
            long notified = addresses.stream().peek(notifier).count();
            assert notified == addresses.size();
        }
    }

    /** A short-circuiting terminal operation: it pulls elements until it has its answer — one. */
    private static final class FindAnyAsTerminal extends Good {
        @Override
        public void notifyEach(List<String> addresses, Consumer<String> notifier) {
            addresses.stream().peek(notifier).findAny();
        }
    }

    private static final class VirtualThread extends Good {
        @Override
        public Thread inBackground(Runnable job) {
            return Thread.startVirtualThread(job);
        }
    }

    /** The per-element work in {@code map}, consumed by {@code toList()}, which must see every element. */
    private static final class MappedToList extends Good {
        @Override
        public void notifyEach(List<String> addresses, Consumer<String> notifier) {
            List<String> sent = addresses.stream().map(address -> {
                notifier.accept(address);
                return address;
            }).toList();
            assert sent.size() == addresses.size();
        }
    }
}
