package org.concurrencyhandbook.catalog;

import java.io.File;
import java.nio.file.Path;

/**
 * One pitfall of the handbook, as the catalog lists it, and where its parts live in the repository. {@code repeat} is
 * "-" for a test whose interleaving is forced, else how often {@code ./handbook check} repeats it and under which load:
 * "300 busy" or "300 idle".
 */
public record Pitfall(String id, String title, String module, String packageName, String testClass, String repeat) {

    /** How many times {@code ./handbook check} runs the test; 0 when one run decides. */
    public int repeatRuns() {
        return repeat.equals("-") ? 0 : Integer.parseInt(repeat.split(" ")[0]);
    }

    /** Whether those runs keep a core busy (the default), or need both cores free (a performance measurement). */
    public boolean repeatUnderLoad() {
        return !repeat.endsWith("idle");
    }

    public String testClassName() {
        return packageName + "." + testClass;
    }

    public String badExample() {
        return packageName + ".BadExample";
    }

    public String goodExample() {
        return packageName + ".GoodExample";
    }

    public Path sourceDirectory(Path root) {
        return root.resolve(module).resolve("src/main/java").resolve(packageName.replace('.', '/'));
    }

    public Path testFile(Path root) {
        return root.resolve(module).resolve("src/test/java").resolve(packageName.replace('.', '/')).resolve(testClass + ".java");
    }

    /** The class path an example runs with: the JDK, the JDK-only support module and its own chapter, nothing else. */
    public String exampleClassPath(Path root) {
        return root.resolve("support/target/classes") + File.pathSeparator + root.resolve(module).resolve("target/classes");
    }

    /** The title as a terminal should show it: the GUIDE's is Markdown, whose backticks a terminal prints as they are. */
    public String plainTitle() {
        return title.replace("`", "");
    }

    /** GitHub-style anchor of the pitfall's GUIDE heading {@code ### <id> <title>}. */
    public String guideAnchor() {
        return (id + " " + title).toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }
}
