package org.concurrencyhandbook.syncstate.collectionrace;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The indexes 1.2's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherIndexes {

    private OtherIndexes() {
    }

    /**
     * Wrong: the field made {@code volatile}. It tempts because {@code volatile} "makes it visible to all threads"; it
     * fails because it covers the reference to the map, never the writes inside it.
     */
    static final class VolatileField implements OrderIndex {
        private volatile Map<Long, String> orders = new HashMap<>();

        @Override
        public void add(long orderId, String customer) {
            orders.put(orderId, customer);
        }

        @Override
        public boolean contains(long orderId) {
            return orders.containsKey(orderId);
        }

        @Override
        public int size() {
            return orders.size();
        }
    }

    /**
     * Wrong: a {@code HashMap} sized for every order up front, so that it never resizes. It tempts because the resize
     * is the famous culprit; it fails because two puts into one bucket still overwrite each other's link, and
     * {@code size++} still loses counts.
     */
    static final class PresizedHashMap implements OrderIndex {
        private final Map<Long, String> orders = HashMap.newHashMap(Scenario.LOADERS * Scenario.ORDERS_PER_LOADER);

        @Override
        public void add(long orderId, String customer) {
            orders.put(orderId, customer);
        }

        @Override
        public boolean contains(long orderId) {
            return orders.containsKey(orderId);
        }

        @Override
        public int size() {
            return orders.size();
        }
    }

    /** Right: {@code Collections.synchronizedMap} — correct, and every access takes one lock. */
    static final class SynchronizedMap implements OrderIndex {
        private final Map<Long, String> orders = Collections.synchronizedMap(new HashMap<>());

        @Override
        public void add(long orderId, String customer) {
            orders.put(orderId, customer);
        }

        @Override
        public boolean contains(long orderId) {
            return orders.containsKey(orderId);
        }

        @Override
        public int size() {
            return orders.size();
        }
    }

    /**
     * Right: nothing shared while loading — each loader fills a {@code HashMap} of its own, read only after the
     * loaders have been joined ({@code join()} orders their writes before the reads).
     */
    static final class OneMapPerLoader implements OrderIndex {
        private final Queue<Map<Long, String>> maps = new ConcurrentLinkedQueue<>();
        private final ThreadLocal<Map<Long, String>> mine = ThreadLocal.withInitial(() -> {
            Map<Long, String> map = new HashMap<>();
            maps.add(map);
            return map;
        });

        @Override
        public void add(long orderId, String customer) {
            mine.get().put(orderId, customer);
        }

        @Override
        public boolean contains(long orderId) {
            return maps.stream().anyMatch(map -> map.containsKey(orderId));
        }

        @Override
        public int size() {
            return maps.stream().mapToInt(Map::size).sum();
        }
    }
}
