package org.concurrencyhandbook.syncstate.partialupdate;

/** A bank of numbered accounts that several tellers transfer money between at once. Both examples implement it. */
public interface Bank {

    /** Moves {@code amount} from one account to another, or throws {@link Refused} and moves nothing. */
    void transfer(int from, int to, long amount);

    long balance(int account);

    int accounts();

    /** Approves or refuses a transfer; in a real bank, a fraud or compliance service. */
    @FunctionalInterface
    interface RiskCheck {
        void approve(int from, int to, long amount) throws Refused;
    }

    /** A transfer the risk check refused. The promise: a refused transfer changed nothing. */
    final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason);
        }
    }
}
