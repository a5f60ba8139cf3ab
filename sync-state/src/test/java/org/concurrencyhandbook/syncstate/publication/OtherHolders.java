package org.concurrencyhandbook.syncstate.publication;

/** The other holders {@link PublicationTest} runs: the two halves of the fix, each alone, and other right fixes. */
final class OtherHolders {

    private OtherHolders() {
    }

    /**
     * Tempts because {@code volatile} is "the DCL fix"; but a volatile field still hands the fast path whatever is
     * stored in it — here an object stored before it is filled. Volatile orders writes; it cannot un-publish.
     */
    static final class VolatileButPublishedFirst implements LazyConfig {
        private final Settings settings;
        private volatile Config config;

        VolatileButPublishedFirst(Settings settings) {
            this.settings = settings;
        }

        @Override
        public Config get() {
            if (config == null) {
                synchronized (this) {
                    if (config == null) {
                        config = new Config();
                        config.setPort(settings.read("port"));
                        config.setThreads(settings.read("threads"));
                        config.setTimeoutMillis(settings.read("timeoutMillis"));
                    }
                }
            }
            return config;
        }
    }

    /**
     * Tempts because the object is complete before it is stored, so "there is nothing half built to see"; but with a
     * plain field nothing orders the setters' stores before the reference's store for a reader on the fast path, which
     * takes no lock: the JIT may sink the stores below it, an ARM CPU may make them visible after it.
     */
    static final class FilledFirstButPlain implements LazyConfig {
        private final Settings settings;
        private Config config;

        FilledFirstButPlain(Settings settings) {
            this.settings = settings;
        }

        @Override
        public Config get() {
            Config result = config;
            if (result == null) {
                synchronized (this) {
                    result = config;
                    if (result == null) {
                        result = new Config();
                        result.setPort(settings.read("port"));
                        result.setThreads(settings.read("threads"));
                        result.setTimeoutMillis(settings.read("timeoutMillis"));
                        config = result;
                    }
                }
            }
            return result;
        }
    }

    /** Holds because every read and the write take the same lock: no fast path, no race; one uncontended lock per call. */
    static final class SynchronizedGet implements LazyConfig {
        private final Settings settings;
        private Config config;

        SynchronizedGet(Settings settings) {
            this.settings = settings;
        }

        @Override
        public synchronized Config get() {
            if (config == null) {
                Config filled = new Config();
                filled.setPort(settings.read("port"));
                filled.setThreads(settings.read("threads"));
                filled.setTimeoutMillis(settings.read("timeoutMillis"));
                config = filled;
            }
            return config;
        }
    }
}
