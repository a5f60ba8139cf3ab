package org.concurrencyhandbook.syncstate.publication;

/** Loads the configuration on first use and hands the same one to every caller. Both examples implement it. */
public interface LazyConfig {

    Config get();

    /** The settings store the configuration is read from; slow, as stores are. */
    @FunctionalInterface
    interface Settings {
        int read(String key);
    }
}
