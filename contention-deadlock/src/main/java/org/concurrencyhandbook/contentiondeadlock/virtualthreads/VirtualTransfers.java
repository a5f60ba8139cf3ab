package org.concurrencyhandbook.contentiondeadlock.virtualthreads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concurrencyhandbook.contentiondeadlock.lockordering.Bank;
import org.concurrencyhandbook.contentiondeadlock.lockordering.OppositeTransfers;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;

/**
 * The scenario of 2.1 — opposite transfers, each thread's first transfer held until the other holds its first lock or
 * is blocked — on virtual threads. When the watchdog reports a stall, this asks every tool what it sees.
 */
final class VirtualTransfers {

    private VirtualTransfers() {
    }

    static Verdict demonstrate(String example, Function<Bank.FirstLockHeld, Bank> bankOn) throws InterruptedException {
        System.out.printf("2.10 Deadlocks the tools cannot see: virtual threads — %s%n", example);
        OppositeTransfers.Outcome outcome = OppositeTransfers.run("synchronized on virtual threads", bankOn, Thread.ofVirtual());
        if (outcome.completedAndConserved()) {
            System.out.printf("All %,d transfers completed on virtual threads in %d ms; the progress watchdog never fired.%n",
                    2 * OppositeTransfers.TRANSFERS_PER_THREAD, outcome.watched().after().toMillis());
            return Verdict.INVARIANT_HELD;
        }
        System.out.printf("STALL (%s) after %d ms: no transfer has completed for a second.%n",
                outcome.watched().kind(), outcome.watched().after().toMillis());
        List<Thread> threads = outcome.threads();
        System.out.printf("Thread.getState(): %s%n", threads.stream().map(t -> "\"" + t.getName() + "\" " + t.getState()).toList());
        System.out.printf("ThreadMXBean.findDeadlockedThreads(): %s%n",
                StallDetector.findDeadlock().map(d -> "found " + d.threadNames()).orElse("no deadlock found"));
        String threadPrint = StallDetector.jcmd("Thread.print");
        System.out.printf("jcmd Thread.print: deadlock report %s; the virtual threads %s%n",
                threadPrint.contains("Found one Java-level deadlock") ? "found one" : "none",
                threads.stream().anyMatch(t -> threadPrint.contains("\"" + t.getName() + "\"")) ? "are listed" : "are not listed");
        System.out.println("jcmd Thread.dump_to_file -format=json lists them, with what each holds and waits for:");
        for (String line : fromJsonDump(threads)) {
            System.out.println("  " + line);
        }
        return Verdict.FAILURE_SHOWN;
    }

    /** One line per thread from a JSON thread dump: its state, the monitor it is blocked on, the monitors it owns. */
    private static List<String> fromJsonDump(List<Thread> threads) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        try {
            Path file = Files.createTempFile("threads", ".json");
            Files.delete(file);
            StallDetector.jcmd("Thread.dump_to_file", "-format=json", file.toString());
            String json = Files.readString(file);
            Files.deleteIfExists(file);
            for (Thread thread : threads) {
                int at = json.indexOf("\"name\": \"" + thread.getName() + "\"");
                if (at < 0) {
                    lines.add("\"" + thread.getName() + "\": not in the dump");
                    continue;
                }
                int end = json.indexOf("\"tid\"", at);
                String entry = json.substring(at, end < 0 ? json.length() : end);
                lines.add(String.format("\"%s\" virtual, %s on %s, owns %s", thread.getName(), first(entry, "\"state\": \"(\\w+)\""),
                        first(entry, "\"blockedOn\": \"([^\"]+)\""), all(entry, "\"locks\": \\[\\s*\"([^\"]+)\"")));
            }
        } catch (IOException e) {
            lines.add("(no JSON dump: " + e.getMessage() + ")");
        }
        return lines;
    }

    private static String first(String text, String regex) {
        Matcher match = Pattern.compile(regex).matcher(text);
        return match.find() ? match.group(1) : "-";
    }

    private static List<String> all(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().map(m -> m.group(1)).toList();
    }
}
