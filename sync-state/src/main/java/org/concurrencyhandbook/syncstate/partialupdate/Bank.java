package org.concurrencyhandbook.syncstate.partialupdate;

/**
 * A bank of numbered accounts that several tellers transfer money between at once, and that an auditor sums while
 * they do. Both examples implement it.
 */
public interface Bank {

    /** Moves {@code amount} from one account to another, or throws {@link Refused} and moves nothing. */
    void transfer(int from, int to, long amount);

    long balance(int account);

    /** The money in the bank as one moment's view: never a transfer half done. */
    long total();

    int accounts();

    /** Approves or refuses a transfer; in a real bank, a fraud or compliance service. */
    @FunctionalInterface
    interface RiskCheck {
        void approve(int from, int to, long amount) throws Refused;
    }

    /**
     * Where the scenario steps in during {@link #transfer}: after the source is debited and before the target is
     * credited. In production nothing happens there — and an auditor can still arrive at that moment, only more rarely.
     */
    @FunctionalInterface
    interface MidTransfer {
        void reached();
    }

    /** A transfer the risk check refused. The promise: a refused transfer changed nothing. */
    final class Refused extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
            super(reason);
        }
    }
}
