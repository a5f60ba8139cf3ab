package org.concurrencyhandbook.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The list of pitfalls, read from {@code pitfalls.tsv} next to this class: the single source of truth. */
public final class Catalog {

    private final List<Pitfall> pitfalls;

    private Catalog(List<Pitfall> pitfalls) {
        this.pitfalls = List.copyOf(pitfalls);
    }

    public static Catalog load() {
        try (InputStream in = Catalog.class.getResourceAsStream("pitfalls.tsv")) {
            if (in == null) {
                throw new IllegalStateException("pitfalls.tsv is missing from the class path");
            }
            List<Pitfall> pitfalls = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 6) {
                    throw new IllegalStateException("pitfalls.tsv: expected 6 tab-separated fields in: " + line);
                }
                pitfalls.add(new Pitfall(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]));
            }
            return new Catalog(pitfalls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Pitfall> all() {
        return pitfalls;
    }

    public Optional<Pitfall> find(String id) {
        return pitfalls.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The repository's root: {@code -Dhandbook.root}, else the working directory or its parent, whichever holds GUIDE.md. */
    public static Path root() {
        String configured = System.getProperty("handbook.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        return here.resolve("GUIDE.md").toFile().exists() || here.getParent() == null ? here : here.getParent();
    }

    /** The listing the runner prints: one line per pitfall, id and title. */
    public String listing() {
        StringBuilder text = new StringBuilder();
        for (Pitfall pitfall : pitfalls) {
            text.append(String.format("  %-6s %s  (%s)%n", pitfall.id(), pitfall.plainTitle(), pitfall.module()));
        }
        return text.toString();
    }
}
