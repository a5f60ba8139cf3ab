package org.concurrencyhandbook.syncstate.publication;

/**
 * A service's connection settings, filled in from a settings store the JavaBeans way: a no-argument constructor, then
 * setters. Complete when every setting is non-zero.
 */
public final class Config {

    private int port;
    private int threads;
    private int timeoutMillis;

    public void setPort(int port) {
        this.port = port;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public void setTimeoutMillis(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public boolean isComplete() {
        return port != 0 && threads != 0 && timeoutMillis != 0;
    }

    @Override
    public String toString() {
        return "port=" + port + ", threads=" + threads + ", timeoutMillis=" + timeoutMillis;
    }
}
