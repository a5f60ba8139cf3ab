package org.concurrencyhandbook.syncstate.aba;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * 1.11 ABA problem — the broken stack: a Treiber stack whose compare-and-set compares only the node's identity, and
 * whose popped nodes are recycled.
 *
 * <p>A pop reads the top node A and its successor B, then swaps the head from A to B with {@code compareAndSet}. The
 * CAS asks "is the head still A?" — and the answer can be yes although the stack has changed completely: another
 * thread popped A, popped B, and pushed a new item into a recycled node, which is A again. The head is A, the CAS
 * succeeds, and installs B as the top: B, popped a moment ago and sitting in the node pool, is back on the stack; the
 * new item is gone; and A's item was handed out twice.
 *
 * <p>Without the pool the garbage collector would prevent this: A cannot be reused while a thread still holds a
 * reference to it. Node pools, off-heap memory, array indices and version-less ids bring ABA back.
 *
 * <p>Run it: {@code ./handbook 1.11}. It exits 4 (failure shown) because the stack resurrected and lost items.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.11} printed:
 * <pre>
 * Stack [A, B, C]. A worker read "top A, next B" and paused before its CAS; meanwhile another thread popped A, popped B and pushed X. Then the worker's CAS ran.
 * Pushed [C, B, A, X]; popped [A, B, A] (the worker's pop last); left on the stack [B, C].
 * CORRUPTED: duplicated [A, B], lost [X] — the CAS saw node A on top again and took it for the stack it had read.
 * </pre>
 */
public final class BadExample implements WorkStack {

    private static final class Node {
        String item;
        Node next;
    }

    private final AtomicReference<Node> head = new AtomicReference<>();
    private final Queue<Node> pool = new ConcurrentLinkedQueue<>();
    private final BeforeSwap beforeSwap;

    public BadExample(BeforeSwap beforeSwap) {
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
            // Wrong: "the head is still this node" does not mean "the stack is unchanged" once nodes are reused.
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

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
