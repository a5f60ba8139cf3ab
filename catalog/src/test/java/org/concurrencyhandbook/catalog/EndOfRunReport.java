package org.concurrencyhandbook.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.concurrencyhandbook.testkit.EvidenceRecorder;

/**
 * The table that ends {@code ./mvnw test}: per pitfall, what the bad run showed and what the good run held, as
 * each pitfall's own test recorded it through {@code Evidence} in this build. Figures from an earlier build are not
 * shown as if they were new, and a test skipped because the machine could not give its conditions (1.12 without two
 * free cores) is shown as inconclusive, with its reason — neither proven nor failed.
 */
final class EndOfRunReport {

    private EndOfRunReport() {
    }

    private record Row(String id, String title, String bad, String good, String verdict) {
    }

    static String render(Catalog catalog, Path root, String build) {
        List<Row> rows = new ArrayList<>();
        int proven = 0;
        int failed = 0;
        int inconclusive = 0;
        int notRun = 0;
        for (Pitfall pitfall : catalog.all()) {
            Properties figures = read(root.resolve(pitfall.module()).resolve(EvidenceRecorder.DIRECTORY)
                    .resolve(pitfall.packageName() + "." + pitfall.testClass() + ".properties"));
            if (figures == null || !figures.getProperty("build", "").equals(build)) {
                rows.add(new Row(pitfall.id(), pitfall.title(), "—", "—", "not run in this build"));
                notRun++;
            } else if (proven(figures)) {
                String skipped = figures.getProperty("result").equals("SUCCESSFUL") ? ""
                        : "; " + figures.getProperty("skippedTests") + " other test(s) inconclusive here ("
                                + figures.getProperty("skipped") + ")";
                rows.add(new Row(pitfall.id(), pitfall.title(), figures.getProperty("bad"), figures.getProperty("good"),
                        "proven; wrong fixes caught " + figures.getProperty("wrongFixesCaught", "0")
                                + ", other fixes held " + figures.getProperty("rightFixesHeld", "0") + skipped));
                proven++;
            } else if (figures.getProperty("result").equals("ABORTED")) {
                rows.add(new Row(pitfall.id(), pitfall.title(), "skipped: " + figures.getProperty("skipped", ""), "—",
                        "inconclusive here"));
                inconclusive++;
            } else {
                rows.add(new Row(pitfall.id(), pitfall.title(), figures.getProperty("bad"), figures.getProperty("good"),
                        "TEST " + figures.getProperty("result")));
                failed++;
            }
        }
        String[] header = {"id", "pitfall", "the bad example showed", "the good example held", "verdict"};
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
        }
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int c = 0; c < cells.length; c++) {
                width[c] = Math.max(width[c], cells[c].length());
            }
        }
        StringBuilder text = new StringBuilder("\n");
        String rule = "=".repeat(Math.min(160, sum(width) + 2 * (width.length - 1)));
        text.append(rule).append("\nThe Java Concurrency Handbook — what this build proved, pitfall by pitfall\n").append(rule).append('\n');
        line(text, header, width);
        line(text, new String[] {"-".repeat(width[0]), "-".repeat(width[1]), "-".repeat(width[2]), "-".repeat(width[3]), "-".repeat(width[4])}, width);
        for (Row row : rows) {
            line(text, cells(row), width);
        }
        text.append(String.format("%d pitfalls: %d proven, %d with a failing test, %d inconclusive on this machine (skipped),"
                + " %d not run in this build.%n", rows.size(), proven, failed, inconclusive, notRun));
        text.append(rule).append('\n');
        return text.toString();
    }

    /**
     * A class whose bad and good tests both recorded what they measured, and whose only other outcome was a skip — a
     * wrong fix this hardware cannot show (1.9's plain field on x86-64) — has proven its pitfall; the skip is named.
     */
    /** Whether the test proved its pitfall: it passed, or its bad and good tests did and only others were inconclusive. */
    static boolean proven(Properties figures) {
        return figures.getProperty("result").equals("SUCCESSFUL") || badAndGoodProvenOthersSkipped(figures);
    }

    private static boolean badAndGoodProvenOthersSkipped(Properties figures) {
        return figures.getProperty("result").equals("ABORTED") && !figures.getProperty("bad", "").isEmpty()
                && !figures.getProperty("good", "").isEmpty();
    }

    private static String[] cells(Row row) {
        return new String[] {row.id(), row.title(), row.bad(), row.good(), row.verdict()};
    }

    private static void line(StringBuilder text, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            line.append(String.format("%-" + width[c] + "s", cells[c]));
            if (c < cells.length - 1) {
                line.append("  ");
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int value : values) {
            total += value;
        }
        return total;
    }

    static Properties read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties figures = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            figures.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return figures;
    }
}
