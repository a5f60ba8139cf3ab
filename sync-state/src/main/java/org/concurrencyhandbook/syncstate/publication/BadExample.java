package org.concurrencyhandbook.syncstate.publication;

/**
 * 1.9 Unsafe publication &amp; double-checked locking — the broken holder.
 *
 * <p>Double-checked locking: callers that find {@code config} set skip the lock. That fast path reads the field with
 * no synchronization at all, so whatever this thread writes to {@code config} is visible to it at once — including an
 * object that is not finished. Here it is not finished by construction: the object is published first and filled in
 * afterwards, setter by setter, each one a read from a slow store. A caller arriving meanwhile sees
 * {@code config != null}, takes the fast path, and uses {@code port=8080, threads=0, timeoutMillis=0}.
 *
 * <p>The textbook version — {@code config = new Config(settings)}, one assignment — is broken too, more subtly: with
 * a plain field, nothing stops the JIT or the CPU from making the reference visible before the constructor's writes
 * (GUIDE.md §1.9 says when x86-64 and ARM do). This class shows the part every machine shows.
 *
 * <p>Run it: {@code ./handbook 1.9}. It exits 4 (failure shown) because first readers saw half-built configurations.
 *
 * <p>On x86-64 (2 cores, Linux, JDK 25.0.3), {@code ./handbook 1.9} printed:
 * <pre>
 * 100 times: a loader started reading the configuration; while it read the second setting, a reader asked for the configuration too.
 * HALF-BUILT: 100 of 100 readers got a configuration still being filled in, e.g. port=8080, threads=0, timeoutMillis=0.
 * </pre>
 */
public final class BadExample implements LazyConfig {

    private final Settings settings;
    // Wrong: read without the lock on the fast path, so it must be volatile — and only ever hold a finished object.
    private Config config;

    public BadExample(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Config get() {
        if (config == null) {
            synchronized (this) {
                if (config == null) {
                    // Wrong: published before it is filled; the fast path above hands it out half built.
                    config = new Config();
                    config.setPort(settings.read("port"));
                    config.setThreads(settings.read("threads"));
                    config.setTimeoutMillis(settings.read("timeoutMillis"));
                }
            }
        }
        // Wrong too: a second racy read of the field, which the JMM lets return null after the first saw the object.
        return config;
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario.demonstrate("BadExample", BadExample::new).exit();
    }
}
