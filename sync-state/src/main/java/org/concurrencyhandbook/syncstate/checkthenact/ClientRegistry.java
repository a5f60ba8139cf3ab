package org.concurrencyhandbook.syncstate.checkthenact;

/** Hands out the one client per host that the whole application shares. Both examples implement it. */
public interface ClientRegistry {

    /** The client for this host, opened on first use; every caller must get the same one. */
    Client clientFor(String host);

    /** An expensive, stateful connection: opening two for one host leaks one of them. */
    record Client(String host, int serial) {
    }

    /** Opens clients; the registry calls it when it has none for a host. */
    @FunctionalInterface
    interface Opener {
        Client open(String host);
    }
}
