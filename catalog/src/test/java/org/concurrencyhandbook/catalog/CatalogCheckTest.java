package org.concurrencyhandbook.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.concurrencyhandbook.support.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Holds the repository to its catalog: every listed pitfall has its three parts, a GUIDE section whose links
 * resolve, and mains that behave (BadExample reports the failure shown, GoodExample the invariant held, each within
 * 10 s, by the exit status {@link Verdict} defines — a crash is neither); every pitfall
 * package in the repository is listed. After the checks it prints the end-of-run report.
 */
@Timeout(600)
class CatalogCheckTest {

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static final Path ROOT = Catalog.root();
    private static final Catalog CATALOG = Catalog.load();

    @Test
    void theCatalogListsEveryPitfallPackageOnceAndInOrder() throws IOException {
        Set<String> listed = CATALOG.all().stream().map(Pitfall::packageName).collect(Collectors.toSet());
        List<String> ids = CATALOG.all().stream().map(Pitfall::id).toList();

        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo(CatalogCheckTest::compareIds);
        assertThat(listed).hasSameSizeAs(ids);
        assertThat(examplePackagesInTheRepository()).as("packages holding a BadExample.java").isEqualTo(listed);
    }

    @TestFactory
    Stream<DynamicTest> everyPitfallHasABadExampleAGoodExampleAndAProvingTest() {
        return CATALOG.all().stream().map(pitfall -> dynamicTest(pitfall.id() + " " + pitfall.title(), () -> {
            Path sources = pitfall.sourceDirectory(ROOT);
            assertThat(sources.resolve("BadExample.java")).isRegularFile();
            assertThat(sources.resolve("GoodExample.java")).isRegularFile();
            assertThat(pitfall.testFile(ROOT)).isRegularFile();
            String test = Files.readString(pitfall.testFile(ROOT));
            assertThat(test).as("%s: every test has a time-out", pitfall.testFile(ROOT)).contains("@Timeout");
            assertThat(test).as("%s records what the bad run showed and what the good run held", pitfall.testFile(ROOT))
                    .contains("Evidence.badShowed(").contains("Evidence.goodHeld(");
        }));
    }

    /**
     * The shape CONTRIBUTING.md sets: the story in a class called {@code Scenario}, the pitfall's id in its
     * {@code package-info.java}, and in each example's Javadoc the output of a real run with the platform named.
     */
    @TestFactory
    Stream<DynamicTest> everyPackageHasTheHandbooksShape() {
        return CATALOG.all().stream().map(pitfall -> dynamicTest(pitfall.id() + " " + pitfall.title(), () -> {
            Path sources = pitfall.sourceDirectory(ROOT);
            assertThat(sources.resolve("Scenario.java")).isRegularFile();
            assertThat(Files.readString(sources.resolve("package-info.java"))).startsWith("/**\n * " + pitfall.id() + " ");
            for (String example : List.of("BadExample.java", "GoodExample.java")) {
                assertThat(Files.readString(sources.resolve(example))).as("%s %s", pitfall.id(), example)
                        .containsPattern("\\* <p>On [^\\n]+, \\{@code ./handbook " + Pattern.quote(pitfall.id()) + "\\} printed:\n \\* <pre>\n");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPitfallHasAGuideSectionWhoseLinksResolve() throws IOException {
        String guide = Files.readString(ROOT.resolve("GUIDE.md"));
        return CATALOG.all().stream().map(pitfall -> dynamicTest(pitfall.id() + " " + pitfall.title(), () -> {
            String heading = "### " + pitfall.id() + " " + pitfall.title();
            assertThat(guide).as("GUIDE.md has the heading '%s'", heading).containsPattern("(?m)^" + Pattern.quote(heading) + "$");
            String section = sectionOf(guide, heading);
            List<String> links = localLinks(section);
            for (String link : links) {
                assertThat(ROOT.resolve(link)).as("link %s in GUIDE section %s", link, pitfall.id()).exists();
            }
            Path packageDir = ROOT.relativize(pitfall.sourceDirectory(ROOT));
            Path testFile = ROOT.relativize(pitfall.testFile(ROOT));
            assertThat(links).as("GUIDE section %s links to its package and its test", pitfall.id())
                    .anyMatch(link -> Path.of(link).normalize().equals(packageDir))
                    .anyMatch(link -> Path.of(link).normalize().equals(testFile));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBadMainShowsItsFailureAndEveryGoodMainHolds() {
        return CATALOG.all().stream().flatMap(pitfall -> Stream.of(
                dynamicTest(pitfall.id() + " BadExample shows the failure", () -> {
                    ChildJvm.Result bad = runMain(pitfall, pitfall.badExample());
                    assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
                }),
                dynamicTest(pitfall.id() + " GoodExample holds", () -> {
                    ChildJvm.Result good = runMain(pitfall, pitfall.goodExample());
                    assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
                })));
    }

    @AfterAll
    static void printTheEndOfRunReport() {
        System.out.println(EndOfRunReport.render(CATALOG, ROOT, System.getProperty("handbook.build", "")));
    }

    private static ChildJvm.Result runMain(Pitfall pitfall, String mainClass) throws InterruptedException {
        ChildJvm.Result result = ChildJvm.of(mainClass).classPath(pitfall.exampleClassPath(ROOT)).run();
        assertThat(result.timedOut()).as(result.describe()).isFalse();
        // A performance pitfall whose conditions this machine could not provide says so: skipped, never passed.
        Assumptions.assumeFalse(result.exitCode() == Verdict.INCONCLUSIVE.exitStatus(), () -> "inconclusive on this machine: " + result.stdout());
        return result;
    }

    private static Set<String> examplePackagesInTheRepository() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.getFileName().toString().equals("BadExample.java"))
                    .map(f -> ROOT.relativize(f.getParent()).toString().replace('\\', '/'))
                    .filter(dir -> dir.contains("/src/main/java/"))
                    .map(dir -> dir.substring(dir.indexOf("/src/main/java/") + "/src/main/java/".length()).replace('/', '.'))
                    .collect(Collectors.toSet());
        }
    }

    static String sectionOf(String guide, String heading) {
        int start = guide.indexOf(heading);
        Matcher next = Pattern.compile("(?m)^#{1,3} ").matcher(guide);
        int end = next.find(start + heading.length()) ? next.start() : guide.length();
        return guide.substring(start, end);
    }

    private static List<String> localLinks(String section) {
        return MARKDOWN_LINK.matcher(section).results().map(m -> m.group(1))
                .filter(link -> !link.startsWith("http") && !link.startsWith("#"))
                .map(link -> link.replaceFirst("#.*$", ""))
                .toList();
    }

    static int compareIds(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        int chapter = Integer.compare(Integer.parseInt(left[0]), Integer.parseInt(right[0]));
        return chapter != 0 ? chapter : Integer.compare(Integer.parseInt(left[1]), Integer.parseInt(right[1]));
    }
}
