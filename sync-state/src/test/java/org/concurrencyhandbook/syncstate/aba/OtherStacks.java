package org.concurrencyhandbook.syncstate.aba;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/** The other stacks {@link AbaTest} runs through 1.11's schedule: wrong fixes readers try, and other fixes. */
final class OtherStacks {

    private OtherStacks() {
    }

    /**
     * Tempts because a lock-free bug "must be a visibility bug"; but every field is read fresh already — the CAS is
     * fooled by a recycled node, and volatile does not tell one life of a node from the next.
     */
    static final class VolatileNodes implements WorkStack {
        private static final class Node {
            volatile String item;
            volatile Node next;
        }

        private final AtomicReference<Node> head = new AtomicReference<>();
        private final Queue<Node> pool = new ConcurrentLinkedQueue<>();
        private final BeforeSwap beforeSwap;

        VolatileNodes(BeforeSwap beforeSwap) {
            this.beforeSwap = beforeSwap;
        }

        @Override
        public void push(String item) {
            Node node = pool.poll();
            node = node != null ? node : new Node();
            node.item = item;
            Node top;
            do {
                top = head.get();
                node.next = top;
            } while (!head.compareAndSet(top, node));
        }

        @Override
        public String pop() {
            while (true) {
                Node top = head.get();
                if (top == null) {
                    return null;
                }
                String item = top.item;
                Node next = top.next;
                beforeSwap.reached();
                if (head.compareAndSet(top, next)) {
                    pool.add(top);
                    return item;
                }
            }
        }

        @Override
        public List<String> contents() {
            List<String> items = new ArrayList<>();
            for (Node node = head.get(); node != null && items.size() < 1_000; node = node.next) {
                items.add(node.item);
            }
            return items;
        }
    }

    /**
     * Tempts because "pushes are where nodes are reused, so lock the pushes"; but the pop's CAS, which takes the
     * recycled node for the one it read, still takes no lock and still compares identity only.
     */
    static final class SynchronizedPushOnly implements WorkStack {
        private final BadExample stack;

        SynchronizedPushOnly(BeforeSwap beforeSwap) {
            this.stack = new BadExample(beforeSwap);
        }

        @Override
        public synchronized void push(String item) {
            stack.push(item);
        }

        @Override
        public String pop() {
            return stack.pop();
        }

        @Override
        public List<String> contents() {
            return stack.contents();
        }
    }

    /**
     * Holds because without a pool a node is never reused while a thread still holds it — the garbage collector keeps
     * it alive — so "the head is still this node" does mean the stack is unchanged.
     */
    static final class NoNodePool implements WorkStack {
        private record Node(String item, Node next) {
        }

        private final AtomicReference<Node> head = new AtomicReference<>();
        private final BeforeSwap beforeSwap;

        NoNodePool(BeforeSwap beforeSwap) {
            this.beforeSwap = beforeSwap;
        }

        @Override
        public void push(String item) {
            Node top;
            do {
                top = head.get();
            } while (!head.compareAndSet(top, new Node(item, top)));
        }

        @Override
        public String pop() {
            while (true) {
                Node top = head.get();
                if (top == null) {
                    return null;
                }
                beforeSwap.reached();
                if (head.compareAndSet(top, top.next())) {
                    return top.item();
                }
            }
        }

        @Override
        public List<String> contents() {
            List<String> items = new ArrayList<>();
            for (Node node = head.get(); node != null; node = node.next()) {
                items.add(node.item());
            }
            return items;
        }
    }

    /** Holds because push and pop under one lock cannot interleave at all; the pool is then safe to keep. */
    static final class SynchronizedStack implements WorkStack {
        private final List<String> items = new ArrayList<>();
        private final BeforeSwap beforeSwap;

        SynchronizedStack(BeforeSwap beforeSwap) {
            this.beforeSwap = beforeSwap;
        }

        @Override
        public synchronized void push(String item) {
            items.addFirst(item);
        }

        @Override
        public synchronized String pop() {
            if (items.isEmpty()) {
                return null;
            }
            beforeSwap.reached();
            return items.removeFirst();
        }

        @Override
        public synchronized List<String> contents() {
            return List.copyOf(items);
        }
    }
}
