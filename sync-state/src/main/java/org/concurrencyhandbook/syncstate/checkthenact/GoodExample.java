package org.concurrencyhandbook.syncstate.checkthenact;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 1.1 Race condition (check-then-act) — the fixed registry.
 *
 * <p>{@link ConcurrentHashMap#computeIfAbsent} makes the check and the act one operation: the first caller for a
 * host runs the opener while holding the lock of that key's bin, and every other caller for the same host waits
 * and then receives the value the first one stored. The opener runs once per host, whatever the timing.
 *
 * <p>The price: other keys that hash to the same bin wait too, and the opener must not modify the map itself — that
 * is unsupported, and the JDK only sometimes detects it ({@code IllegalStateException: Recursive update}). Where
 * opening is very slow, store a {@code CompletableFuture<Client>} instead and open outside the map, as JCIP's
 * {@code Memoizer} does.
 * A plain {@code HashMap} with the whole check-then-act in one {@code synchronized} block is also correct, at the
 * cost of serializing every lookup.
 *
 * <p>Run it: {@code ./handbook 1.1}. It exits 0: one client per host.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.1} printed:
 * <pre>
 * 4 callers asked for the client of db.internal:5432; the last 3 asked while the first was being opened.
 * Clients opened: 1. Different clients handed out: 1.
 * Exactly one client was opened, and every caller got it.
 * </pre>
 */
public final class GoodExample implements ClientRegistry {

    private final Opener opener;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    public GoodExample(Opener opener) {
        this.opener = opener;
    }

    @Override
    public Client clientFor(String host) {
        return clients.computeIfAbsent(host, opener::open);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
