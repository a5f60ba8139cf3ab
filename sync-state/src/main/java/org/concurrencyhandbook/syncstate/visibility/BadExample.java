package org.concurrencyhandbook.syncstate.visibility;

/**
 * 1.7 Memory visibility — the broken stop flag: a plain {@code boolean}.
 *
 * <p>The loop reads {@code running}, and nothing in it writes memory another thread could see or synchronizes with
 * anyone. The Java Memory Model therefore lets the compiler assume that no other thread changes {@code running} while
 * the loop runs — and HotSpot's C2 does: once it compiles the loop, it reads the field once, before the loop, and
 * spins on the value in a register. {@code stop()} writes {@code false} to memory; the loop never looks again.
 *
 * <p>The hardware is not to blame: x86-64 caches are coherent, and the store reaches the other core within
 * nanoseconds. The read was hoisted out of the loop by the JIT. The same loop stops when it runs interpreted, which is
 * why this bug passes every quick test and hangs in production.
 *
 * <p>Run it: {@code ./handbook 1.7}. It exits 4 (failure shown) when a worker is still spinning a second after {@code stop()}.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.7} printed:
 * <pre>
 * Attempt 1: stop() was called after 300 ms of spinning.
 * STILL SPINNING 1000 ms after stop(): the compiled loop no longer reads the flag.
 *   "worker-1" is runnable, at BadExample.spinUntilStopped (BadExample.java:34)
 * (Full stacks: add --thread-dump to ./handbook, or -Dhandbook.threadDump=true to java.)
 * </pre>
 */
public final class BadExample implements Spinner {

    // Wrong: nothing obliges the spinning thread to ever re-read a plain field.
    private boolean running = true;

    @Override
    public long spinUntilStopped() {
        long spins = 0;
        while (running) {
            spins++;
        }
        return spins;
    }

    @Override
    public void stop() {
        running = false;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
