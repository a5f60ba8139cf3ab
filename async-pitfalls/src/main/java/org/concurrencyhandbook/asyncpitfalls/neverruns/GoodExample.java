package org.concurrencyhandbook.asyncpitfalls.neverruns;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * 4.2 Work that never runs — {@code start()}, a terminal operation that consumes, {@code thenCompose}.
 *
 * <p>{@code start()} makes the thread and returns; {@code forEach} is the terminal operation whose whole purpose is a
 * side effect per element, so every address reaches the notifier; {@code thenCompose} chains the second lookup so that
 * the result is the account itself, a {@code CompletableFuture<String>} the caller joins at its edge.
 *
 * <p>Run it: {@code ./handbook 4.2}. It exits 0 because every piece of work ran, where it was meant to.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 4.2} printed:
 * <pre>
 * A job handed to a background thread ran on "background job".
 * Addresses handed to the notifier: 5 of 5.
 * Joining the account's future gave: account 4711.
 * Every piece of work ran, where it was meant to.
 * </pre>
 */
public final class GoodExample implements Dispatch {

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

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", new GoodExample()).exit();
    }
}
