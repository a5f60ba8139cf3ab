package org.concurrencyhandbook.asyncpitfalls.neverruns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every dispatcher runs, one question per call: on which thread did the background job run; how many of
 * {@value #ADDRESS_COUNT} addresses reached the notifier; and what does joining the account's future give — the
 * account, or something else. The directory answers at once. Nothing races: the same answers on every run, one CPU
 * included. The invariant: the job ran on a thread other than the caller's, every address was notified once (in any
 * order), and the future completed with the account.
 */
final class Scenario {

    static final List<String> ADDRESSES = List.of("ann@", "bob@", "cat@", "dan@", "eve@");
    static final int ADDRESS_COUNT = 5;
    static final String ACCOUNT = "account 4711";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /**
     * Where the job ran ("the caller's thread", a thread's name, or "nowhere"), the addresses notified, and what the
     * account's future completed with — described by its class when it is not a string.
     */
    record Outcome(String jobRanOn, List<String> notified, String accountGot) {
        boolean jobRanElsewhere() {
            return !jobRanOn.equals("the caller's thread") && !jobRanOn.equals("nowhere");
        }

        Verdict verdict() {
            return jobRanElsewhere() && notified.stream().sorted().toList().equals(ADDRESSES) && accountGot.equals(ACCOUNT)
                    ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Dispatch dispatch) throws InterruptedException {
        Thread caller = Thread.currentThread();
        AtomicReference<String> ranOn = new AtomicReference<>("nowhere");
        Thread worker = dispatch.inBackground(() -> ranOn.set(Thread.currentThread() == caller ? "the caller's thread"
                : Thread.currentThread().isVirtual() ? "a virtual thread"
                : "\"" + Thread.currentThread().getName() + "\""));
        // A thread that was never started cannot be joined with a time-out: join(Duration) throws "Thread not started".
        if (worker.getState() != Thread.State.NEW && !worker.join(PATIENCE)) {
            throw new IllegalStateException("the background job did not end within " + PATIENCE.toSeconds() + " s");
        }

        List<String> notified = Collections.synchronizedList(new ArrayList<>());
        dispatch.notifyEach(ADDRESSES, notified::add);

        Dispatch.Directory directory = new Dispatch.Directory() {
            @Override
            public CompletableFuture<String> userId(String name) {
                return CompletableFuture.completedFuture("id-of-" + name);
            }

            @Override
            public CompletableFuture<String> account(String userId) {
                return CompletableFuture.supplyAsync(() -> ACCOUNT);
            }
        };
        Object got;
        try {
            got = dispatch.accountOf("ann", directory).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the account's future did not complete", e);
        }
        String accountGot = got instanceof String account ? account
                : "a " + (got == null ? "null" : got.getClass().getSimpleName()) + ", not an account";
        return new Outcome(ranOn.get(), List.copyOf(notified), accountGot);
    }

    static Verdict demonstrate(String example, Dispatch dispatch) throws InterruptedException {
        Outcome outcome = run(dispatch);
        System.out.printf("4.2 Work that never runs — %s%n", example);
        System.out.printf("A job handed to a background thread ran on %s.%n", outcome.jobRanOn());
        System.out.printf("Addresses handed to the notifier: %d of %d.%n", outcome.notified().size(), ADDRESS_COUNT);
        System.out.printf("Joining the account's future gave: %s.%n", outcome.accountGot());
        if (outcome.jobRanOn().equals("the caller's thread")) {
            System.out.println("NEVER STARTED: run() is a method call — the job ran on the caller, and no thread was"
                    + " made.");
        } else if (outcome.jobRanOn().equals("nowhere")) {
            System.out.println("NEVER RAN: the job was handed to a thread that never ran it.");
        }
        if (outcome.notified().size() < ADDRESS_COUNT) {
            System.out.println("NEVER CONSUMED: the stream's per-element work runs only when a terminal operation pulls"
                    + " elements through it.");
        }
        if (!outcome.accountGot().equals(ACCOUNT)) {
            System.out.println("NEVER JOINED: thenApply wrapped the second lookup's future in the first — the caller got"
                    + " a future where it expected a value.");
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("Every piece of work ran, where it was meant to.");
        }
        return outcome.verdict();
    }
}
