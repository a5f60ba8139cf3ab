package org.concurrencyhandbook.support;

import java.util.Arrays;
import java.util.Optional;

/**
 * What one run of a pitfall's scenario showed, and the exit status a {@code main} reports it with — the handbook's
 * one exit-status contract, read by {@code ./handbook}, the catalog check and the tests alike.
 *
 * <p>{@link #FAILURE_SHOWN} is deliberately not 1: the JVM itself exits 1 when {@code main} throws (a
 * {@code NoClassDefFoundError}, a bug in the scenario), and a crash must never pass for "the failure showed". Any
 * status that is not one of these verdicts, nor {@link #USAGE}, is a crash.
 */
public enum Verdict {

    /** The invariant held under the scenario's load. */
    INVARIANT_HELD(0, "held the invariant"),
    /** The scenario observed the failure it exists to show (lost updates counted, a stall diagnosed, …). */
    FAILURE_SHOWN(4, "showed the failure"),
    /** This machine could not exercise the race (one CPU, no overlap): nothing is claimed either way. */
    INCONCLUSIVE(3, "was inconclusive on this machine");

    /** The exit status of a command called the wrong way (an unknown pitfall id, a bad flag). */
    public static final int USAGE = 2;

    private final int exitStatus;
    private final String description;

    Verdict(int exitStatus, String description) {
        this.exitStatus = exitStatus;
        this.description = description;
    }

    public int exitStatus() {
        return exitStatus;
    }

    /** In words, for a sentence about an example: "showed the failure". */
    public String description() {
        return description;
    }

    /** The verdict a process reported by its exit status; empty for anything else — a crash, or a usage error. */
    public static Optional<Verdict> ofExitStatus(int status) {
        return Arrays.stream(values()).filter(v -> v.exitStatus == status).findFirst();
    }

    /** Ends the JVM with this verdict's status: the last line of every example's {@code main}. */
    public void exit() {
        System.out.flush();
        System.exit(exitStatus);
    }
}
