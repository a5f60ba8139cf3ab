package org.concurrencyhandbook.syncstate.checkthenact;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 1.1 Race condition (check-then-act) — the broken registry.
 *
 * <p>"If there is no client for this host, open one and put it in the map." Two calls, each thread-safe on its own —
 * the map is even a {@link ConcurrentHashMap} — but the decision made by the first ({@code containsKey} said no)
 * is stale by the time the second acts on it. Every caller that checks before the first client is in the map opens
 * its own. The later {@code put}s overwrite the earlier ones, so callers hold different clients and the overwritten
 * ones are never closed: a leaked connection, two "singletons", a duplicate charge — whatever the act was.
 *
 * <p>Opening a client takes time (a TCP and TLS handshake, say), and that is the window. {@link Scenario} keeps it
 * open until every caller has made its check, so the race is lost on every run.
 *
 * <p>Run it: {@code ./handbook 1.1}. It exits 4 (failure shown) because one host got several clients.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.1} printed:
 * <pre>
 * 4 callers asked for the client of db.internal:5432; the last 3 asked while the first was being opened.
 * Clients opened: 4. Different clients handed out: 4.
 * DUPLICATES: 4 clients were opened for one host; the registry keeps one, so 3 leaked — every caller checked "is there a client?" before any had been stored.
 * </pre>
 */
public final class BadExample implements ClientRegistry {

    private final Opener opener;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    public BadExample(Opener opener) {
        this.opener = opener;
    }

    @Override
    public Client clientFor(String host) {
        // Wrong: between this check and the put below, any number of other callers make the same check.
        if (!clients.containsKey(host)) {
            clients.put(host, opener.open(host));
        }
        return clients.get(host);
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
