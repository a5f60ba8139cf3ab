package org.concurrencyhandbook.contentiondeadlock.virtualthreads;

/**
 * 2.10 Deadlocks the tools cannot see: virtual threads — the broken bank of 2.1, run on virtual threads.
 *
 * <p>Nothing about the deadlock changes: two transfers in opposite directions lock their accounts in argument order
 * and each waits, for ever, for the other's monitor. What changes is who can see it. On JDK 25
 * {@code ThreadMXBean.findDeadlockedThreads()} says nothing — its Javadoc: "cycles that include virtual threads are not
 * found" — and {@code jcmd Thread.print}, which lists platform threads only, reports no deadlock. The watchdog notices
 * the stall only because the transfers stop completing; the diagnosis comes from
 * {@code jcmd <pid> Thread.dump_to_file -format=json}, which lists virtual threads with the monitor each is blocked on
 * and the monitors each owns — from which the cycle can be read.
 *
 * <p>Run it: {@code ./handbook 2.10}. It exits 4 (failure shown) after printing the stall and the diagnosis.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 2.10} printed:
 * <pre>
 * Stalled after 1019 ms: no transfer has completed for a second.
 * Thread.getState(): ["transfer 1-&gt;2" BLOCKED, "transfer 2-&gt;1" BLOCKED]
 * ThreadMXBean.findDeadlockedThreads(): no deadlock found
 * jcmd Thread.print: deadlock report none; the virtual threads are not listed
 * jcmd Thread.dump_to_file -format=json lists them, with what each holds and waits for:
 *   "transfer 1-&gt;2" virtual, BLOCKED on Account{@literal @}135fbaa4, owns [Account{@literal @}6d6f6e28]
 *   "transfer 2-&gt;1" virtual, BLOCKED on Account{@literal @}6d6f6e28, owns [Account{@literal @}135fbaa4]
 * </pre>
 */
public final class BadExample implements Bank {

    private final FirstLockHeld firstLockHeld;

    public BadExample(FirstLockHeld firstLockHeld) {
        this.firstLockHeld = firstLockHeld;
    }

    @Override
    public void transfer(Account from, Account to, long amount) {
        // Wrong: the order of the two locks is the order of the arguments, as in 2.1.
        synchronized (from) {
            firstLockHeld.reached();
            synchronized (to) {
                from.moveTo(to, amount);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
