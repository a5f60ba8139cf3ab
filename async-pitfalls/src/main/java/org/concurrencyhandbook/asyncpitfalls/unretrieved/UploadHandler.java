package org.concurrencyhandbook.asyncpitfalls.unretrieved;

import java.util.function.Consumer;

/**
 * Handles uploads in the background: each file is parsed, then stored, on the common pool; {@code onUpload} returns
 * at once. Failures go to the error channel the handler was made with — an alert, a dead-letter queue. Both examples
 * implement it.
 */
public interface UploadHandler {

    void onUpload(String file);

    /** The two steps of the work, and where their failures must be reported. */
    interface Steps {
        String parse(String file);

        void store(String parsed);
    }

    /** How the scenario makes a handler: its steps and its error channel. */
    @FunctionalInterface
    interface Maker {
        UploadHandler make(Steps steps, Consumer<Throwable> errors);
    }
}
