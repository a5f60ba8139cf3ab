package org.concurrencyhandbook.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How a scenario that must run in a JVM of its own — a monitor deadlock can never be undone — hands what it measured
 * to the test that started it: as named values in a properties file the test names, never as prose to be parsed. A
 * reader running the main sees only its sentences; the file is written only when {@value #FILE_PROPERTY} is set, as
 * the test harness's {@code ChildJvm.collectingFacts()} does.
 */
public final class Facts {

    public static final String FILE_PROPERTY = "handbook.facts.file";

    private static final Properties RECORDED = new Properties();

    private Facts() {
    }

    /** Records one measured value under {@code key}; the file is rewritten at each call, so a later crash keeps it. */
    public static synchronized void record(String key, Object value) {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null) {
            return;
        }
        RECORDED.setProperty(key, String.valueOf(value));
        try (Writer out = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
            RECORDED.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the facts to " + file, e);
        }
    }

    /** What a child wrote, sorted by key; empty if it wrote nothing. */
    public static Map<String, String> read(Path file) {
        Map<String, String> facts = new TreeMap<>();
        if (!Files.exists(file)) {
            return facts;
        }
        Properties read = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the facts in " + file, e);
        }
        read.stringPropertyNames().forEach(key -> facts.put(key, read.getProperty(key)));
        return facts;
    }
}
