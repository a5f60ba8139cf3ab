package org.concurrencyhandbook.syncstate.aba;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicStampedReference;

/**
 * 1.11 ABA problem — the fixed stack: the head carries a stamp that every successful update increments.
 *
 * <p>{@link AtomicStampedReference} compares the node <em>and</em> the stamp in one CAS. Popped, popped and pushed
 * back, the head may be the same node again, but its stamp has moved on three times, so the stale CAS fails and the
 * pop starts over from the real top. Nodes are still recycled: the stamp, not the garbage collector, is what makes
 * reuse safe here. (A stamp is an {@code int}; it would take 2^32 updates between one thread's read and its CAS to
 * wrap around to the same value.)
 *
 * <p>The other fix is to not recycle: allocate a node per push and let the GC keep a node alive for as long as any
 * thread holds it — which is why ABA is rare in everyday Java. {@code ConcurrentLinkedDeque} and friends rely on that.
 *
 * <p>Run it: {@code ./handbook 1.11}. It exits 0: every item pushed was popped once or is still on the stack.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.11} printed:
 * <pre>
 * Stack [A, B, C]. A worker read "top A, next B" and paused before its CAS; meanwhile another thread popped A, popped B and pushed X. Then the worker's CAS ran.
 * Pushed [C, B, A, X]; popped [A, B, X] (the worker's pop last); left on the stack [C].
 * Every item was popped once or is still on the stack once: the stale CAS failed and the worker retried.
 * </pre>
 */
public final class GoodExample implements WorkStack {

    private static final class Node {
        String item;
        Node next;
    }

    private final AtomicStampedReference<Node> head = new AtomicStampedReference<>(null, 0);
    private final Queue<Node> pool = new ConcurrentLinkedQueue<>();
    private final BeforeSwap beforeSwap;

    public GoodExample(BeforeSwap beforeSwap) {
        this.beforeSwap = beforeSwap;
    }

    @Override
    public void push(String item) {
        Node node = pool.poll();
        node = node != null ? node : new Node();
        node.item = item;
        int[] stamp = new int[1];
        Node top;
        do {
            top = head.get(stamp);
            node.next = top;
        } while (!head.compareAndSet(top, node, stamp[0], stamp[0] + 1));
    }

    @Override
    public String pop() {
        int[] stamp = new int[1];
        while (true) {
            Node top = head.get(stamp);
            if (top == null) {
                return null;
            }
            String item = top.item;
            Node next = top.next;
            beforeSwap.reached();
            if (head.compareAndSet(top, next, stamp[0], stamp[0] + 1)) {
                pool.add(top);
                return item;
            }
        }
    }

    @Override
    public List<String> contents() {
        List<String> items = new ArrayList<>();
        for (Node node = head.getReference(); node != null && items.size() < 1_000; node = node.next) {
            items.add(node.item);
        }
        return items;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("GoodExample", GoodExample::new).exit();
    }
}
