package org.concurrencyhandbook.syncstate.thisescape;

/**
 * 1.10 {@code this} escaping the constructor — the fixed display: construct first, subscribe after.
 *
 * <p>The constructor is private and only assigns fields; the static factory builds the display completely and only
 * then hands it to the feed. By the time any other thread can reach the object, its constructor has finished, and
 * the hand-off to the feed's thread (a queue, an executor) orders every field write before the callback's reads.
 * The feed's immediate call-back now finds a display ready for it.
 *
 * <p>The same rule for threads: never start one in a constructor (create it there if you must, start it from a
 * {@code start()} method or a factory), and never register a listener, put {@code this} in a shared collection, or
 * call an overridable method from one.
 *
 * <p>Run it: {@code ./handbook 1.10}. It exits 0: every display showed its first reading in full.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.10} printed:
 * <pre>
 * 100 displays subscribed to a feed that greets each new subscriber with 21.5 °C on its own thread.
 * All 100 displays show their label and "21.5 °C".
 * </pre>
 */
public final class GoodExample implements Feed.Display {

    private final String label;
    private final String unit;
    private volatile String shown;

    private GoodExample(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public static GoodExample open(Feed feed, String label, String unit) {
        GoodExample display = new GoodExample(label, unit);
        feed.subscribe(display);
        return display;
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
        Scenario.demonstrate("GoodExample", GoodExample::open).exit();
    }
}
