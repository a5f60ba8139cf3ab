package org.concurrencyhandbook.contentiondeadlock.virtualthreads;

/**
 * 2.10 Deadlocks the tools cannot see: virtual threads — the fixed bank of 2.1, run on virtual threads.
 *
 * <p>The fix is the same as on platform threads: one global lock order, lower account number first, so no cycle can
 * form. What virtual threads change is how you watch for stalls: not with the deadlock detector, which cannot see
 * them, but with a progress check — here, transfers completed per second — and, when it fires, a JSON thread dump.
 *
 * <p>Run it: {@code ./handbook 2.10}. It exits 0: every transfer completed, and the progress watchdog never fired.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.10} printed:
 * <pre>
 * All 2,000 transfers completed on virtual threads in 27 ms; the progress watchdog never fired.
 * </pre>
 */
public final class GoodExample implements Bank {

    private final FirstLockHeld firstLockHeld;

    public GoodExample(FirstLockHeld firstLockHeld) {
        this.firstLockHeld = firstLockHeld;
    }

    @Override
    public void transfer(Account from, Account to, long amount) {
        Account first = from.number() < to.number() ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            firstLockHeld.reached();
            synchronized (second) {
                from.moveTo(to, amount);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
