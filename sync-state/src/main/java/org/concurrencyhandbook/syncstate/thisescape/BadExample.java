package org.concurrencyhandbook.syncstate.thisescape;

/**
 * 1.10 {@code this} escaping the constructor — the broken display: it subscribes itself to the feed from inside its
 * constructor.
 *
 * <p>{@code feed.subscribe(this)} hands a reference to an object that does not exist yet to code that runs on another
 * thread. The feed calls back at once, as feeds do, and the callback reads {@code label} and {@code unit} before the
 * constructor has assigned them: the display shows {@code "null: 21.5 null"}, and goes on showing it until the next
 * reading. Moving the subscription to the last line of the constructor narrows the gap without closing it: a
 * subclass's constructor has not run yet then ({@code ThisEscapeTest} shows a subclass's {@code decimals} still 0),
 * and {@code final} fields lose their guarantee (JLS §17.5) for any thread that reaches the object through a data race
 * before its constructor ends. For a {@code final} class whose feed hands off through a happens-before edge, as this
 * one does, the last line happens to work — until someone removes {@code final}.
 *
 * <p>javac's {@code -Xlint:this-escape} (JDK 21+) is silent here: the class is {@code final}, and the lint looks only
 * for escapes that a subclass could observe. GUIDE.md §1.10 and {@code ThisEscapeTest} show what it does catch.
 *
 * <p>Run it: {@code ./handbook 1.10}. It exits 4 (failure shown) because displays showed their first reading half built.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.10} printed:
 * <pre>
 * 100 displays subscribed to a feed that greets each new subscriber with 21.5 °C on its own thread.
 * HALF-BUILT: 100 of 100 displays show "null: 21.5 null" — the feed called them before their constructors had finished.
 * </pre>
 */
public final class BadExample implements Feed.Display {

    private final String label;
    private final String unit;
    private volatile String shown;

    private BadExample(Feed feed, String label, String unit) {
        // Wrong: 'this' leaves the constructor before the fields below are assigned.
        feed.subscribe(this);
        this.label = label;
        this.unit = unit;
    }

    public static BadExample open(Feed feed, String label, String unit) {
        return new BadExample(feed, label, unit);
    }

    @Override
    public void onReading(double celsius) {
        shown = label + ": " + celsius + " " + unit;
    }

    @Override
    public String shown() {
        return shown;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::open).exit();
    }
}
