package org.concurrencyhandbook.asyncpitfalls.neverruns;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Three ways to hand work off, each one call. Both examples implement them. */
public interface Dispatch {

    /** Runs {@code job} on a thread of its own, and returns that thread at once. */
    Thread inBackground(Runnable job);

    /** Hands every address to {@code notifier}, once each. */
    void notifyEach(List<String> addresses, Consumer<String> notifier);

    /**
     * A user's account: the user's id looked up first, then the account of that id, both asynchronously. The caller is
     * generic code — a web framework that renders whatever the future completes with — hence the {@code ?}.
     */
    CompletableFuture<?> accountOf(String user, Directory directory);

    /** An asynchronous directory. */
    interface Directory {
        CompletableFuture<String> userId(String name);

        CompletableFuture<String> account(String userId);
    }
}
