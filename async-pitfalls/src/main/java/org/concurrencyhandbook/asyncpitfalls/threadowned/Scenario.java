package org.concurrencyhandbook.asyncpitfalls.threadowned;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.concurrencyhandbook.support.Await;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario every handler runs: two requests, each in two stages — the first stages on a single "stage-1" thread,
 * the second stages on a single "stage-2" thread, so that a request's two stages always run on different threads. The
 * stage-1 thread is held until both requests are queued, so request-2's first stage follows request-1's at once; and
 * request-1's second stage, inside the section, waits until request-2 has entered too or its first stage is blocked.
 * Every wait is forced, none timed: the same verdict on every run, one CPU included. The invariant: no request entered
 * while another was inside, each second stage knew its own request, and both requests completed.
 */
final class Scenario {

    static final List<String> REQUESTS = List.of("request-1", "request-2");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Scenario() {
    }

    /**
     * Requests that entered while another was inside; for each request, the request its second stage believed it
     * served, and how it ended ("completed", or what it threw).
     */
    record Outcome(List<String> enteredWhileAnotherInside, Map<String, String> believed, Map<String, String> endings) {
        List<String> confused() {
            return REQUESTS.stream().filter(request -> !request.equals(believed.get(request))).toList();
        }

        boolean allCompleted() {
            return endings.values().stream().allMatch(ending -> ending.equals("completed"));
        }

        Verdict verdict() {
            return enteredWhileAnotherInside.isEmpty() && confused().isEmpty() && allCompleted()
                    ? Verdict.INVARIANT_HELD : Verdict.FAILURE_SHOWN;
        }
    }

    static Outcome run(Supplier<RequestHandler> opener) throws InterruptedException {
        RequestHandler handler = opener.get();
        AtomicReference<Thread> stageOneThread = new AtomicReference<>();
        ExecutorService first = Executors.newSingleThreadExecutor(task -> {
            Thread thread = Thread.ofPlatform().daemon().name("stage-1 worker").unstarted(task);
            stageOneThread.set(thread);
            return thread;
        });
        ExecutorService second = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("stage-2 worker").factory());
        Set<String> inside = ConcurrentHashMap.newKeySet();
        Set<String> entered = ConcurrentHashMap.newKeySet();
        List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> believed = new ConcurrentHashMap<>();
        try {
            CountDownLatch bothQueued = new CountDownLatch(1);
            first.execute(() -> Await.opened(bothQueued, PATIENCE, "the requests were never queued"));
            Map<String, CompletableFuture<String>> answers = new LinkedHashMap<>();
            for (String request : REQUESTS) {
                answers.put(request, handler.handle(request, first, second, new RequestHandler.Section() {
                    @Override
                    public void enter() {
                        if (!inside.isEmpty()) {
                            overlaps.add(request + " entered while " + String.join(", ", inside) + " was inside");
                        }
                        inside.add(request);
                        entered.add(request);
                    }

                    @Override
                    public String leave(String believedRequest) {
                        believed.put(request, String.valueOf(believedRequest));
                        // A handler whose second stage runs on the stage-1 thread cannot be waited for from it.
                        if (request.equals(REQUESTS.getFirst()) && Thread.currentThread() != stageOneThread.get()) {
                            // The next request's first stage has entered, or waits for this one to leave.
                            Await.arrivedOrBlocked(List.of(stageOneThread.get()),
                                    thread -> entered.contains(REQUESTS.getLast()), PATIENCE);
                        }
                        inside.remove(request);
                        return "done: " + believedRequest;
                    }
                }));
            }
            bothQueued.countDown();
            Map<String, String> endings = new LinkedHashMap<>();
            for (Map.Entry<String, CompletableFuture<String>> answer : answers.entrySet()) {
                endings.put(answer.getKey(), ending(answer.getValue()));
            }
            return new Outcome(List.copyOf(overlaps), new TreeMap<>(believed), endings);
        } finally {
            first.shutdownNow();
            second.shutdownNow();
            if (!first.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                    || !second.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("a stage's thread outlived the scenario");
            }
        }
    }

    private static String ending(CompletableFuture<String> answer) throws InterruptedException {
        try {
            answer.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return "completed";
        } catch (ExecutionException failed) {
            return "failed with " + failed.getCause().getClass().getSimpleName();
        } catch (TimeoutException notYet) {
            return "never completed";
        }
    }

    static Verdict demonstrate(String example, Supplier<RequestHandler> opener) throws InterruptedException {
        Outcome outcome = run(opener);
        System.out.printf("4.4 Thread-owned primitives across async stages — %s%n", example);
        System.out.println("Two requests, each entering a critical section in its first stage (on \"stage-1 worker\")"
                + " and leaving it in its second (on \"stage-2 worker\").");
        for (String request : REQUESTS) {
            System.out.printf("%s: its second stage believed it served %s; the request %s.%n", request,
                    outcome.believed().getOrDefault(request, "(never ran)"), outcome.endings().get(request));
        }
        if (!outcome.enteredWhileAnotherInside().isEmpty()) {
            System.out.printf("NOT EXCLUSIVE: %s — the lock stayed with the stage-1 thread, which may take it again.%n",
                    String.join("; ", outcome.enteredWhileAnotherInside()));
        }
        if (!outcome.confused().isEmpty()) {
            System.out.printf("WRONG CONTEXT: the second stage of %s read a ThreadLocal of a thread the request never"
                    + " set it on.%n", String.join(", ", outcome.confused()));
        }
        if (outcome.endings().containsValue("failed with IllegalMonitorStateException")) {
            System.out.println("RELEASE FAILED: unlock() ran on a thread that did not own the lock.");
        }
        if (outcome.verdict() == Verdict.INVARIANT_HELD) {
            System.out.println("One request in the section at a time, each stage with its own request.");
        }
        return outcome.verdict();
    }
}
