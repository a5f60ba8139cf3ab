package org.concurrencyhandbook.syncstate.checkthenact;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The registries 1.1's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherRegistries {

    private OtherRegistries() {
    }

    /**
     * Wrong: {@code putIfAbsent} with the opened client. It tempts because {@code putIfAbsent} is the atomic
     * check-then-act; it fails because its argument — the opened client — is computed before the call, by every caller.
     * Only one client is kept; the others leak.
     */
    static final class PutIfAbsentAfterOpening implements ClientRegistry {
        private final Opener opener;
        private final Map<String, Client> clients = new ConcurrentHashMap<>();

        PutIfAbsentAfterOpening(Opener opener) {
            this.opener = opener;
        }

        @Override
        public Client clientFor(String host) {
            Client mine = opener.open(host);
            Client earlier = clients.putIfAbsent(host, mine);
            return earlier == null ? mine : earlier;
        }
    }

    /**
     * Wrong: the check and the act each under the lock, the opening between them outside it. It tempts because every
     * access to the map is synchronized; it fails because the lock is released between the decision and the act.
     */
    static final class LockedCheckLockedAct implements ClientRegistry {
        private final Opener opener;
        private final Map<String, Client> clients = new HashMap<>();

        LockedCheckLockedAct(Opener opener) {
            this.opener = opener;
        }

        @Override
        public Client clientFor(String host) {
            boolean missing;
            synchronized (this) {
                missing = !clients.containsKey(host);
            }
            if (missing) {
                Client opened = opener.open(host);
                synchronized (this) {
                    clients.put(host, opened);
                }
            }
            synchronized (this) {
                return clients.get(host);
            }
        }
    }

    /** Right: the whole check-then-act in one {@code synchronized} block over a plain map — correct, and serial. */
    static final class OneSynchronizedBlock implements ClientRegistry {
        private final Opener opener;
        private final Map<String, Client> clients = new HashMap<>();

        OneSynchronizedBlock(Opener opener) {
            this.opener = opener;
        }

        @Override
        public synchronized Client clientFor(String host) {
            return clients.computeIfAbsent(host, opener::open);
        }
    }

    /**
     * Right: JCIP's memoizer — the map holds a future, claimed atomically; the caller that claimed it opens the client
     * outside any lock, and the others wait for that future, not for the map.
     */
    static final class FutureMemoizer implements ClientRegistry {
        private final Opener opener;
        private final Map<String, CompletableFuture<Client>> clients = new ConcurrentHashMap<>();

        FutureMemoizer(Opener opener) {
            this.opener = opener;
        }

        @Override
        public Client clientFor(String host) {
            CompletableFuture<Client> claim = new CompletableFuture<>();
            CompletableFuture<Client> earlier = clients.putIfAbsent(host, claim);
            if (earlier != null) {
                return earlier.join();
            }
            try {
                claim.complete(opener.open(host));
            } catch (RuntimeException failed) {
                clients.remove(host, claim);
                claim.completeExceptionally(failed);
            }
            return claim.join();
        }
    }
}
