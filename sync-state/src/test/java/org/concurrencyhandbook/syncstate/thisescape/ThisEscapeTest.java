package org.concurrencyhandbook.syncstate.thisescape;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scenario, two displays: 100 displays subscribe to a feed that greets every new subscriber at once, on its own
 * thread. And what javac's this-escape lint makes of the bad one.
 */
@Timeout(60)
class ThisEscapeTest {

    private static final Path BAD_SOURCE = Path.of(System.getProperty("basedir", "."),
            "src/main/java/org/concurrencyhandbook/syncstate/thisescape/BadExample.java");

    @Test
    void aDisplayThatSubscribesInItsConstructorIsCalledBackHalfBuilt(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::open);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.halfBuilt()).as("displays called back before their fields were set").isEqualTo(Scenario.DISPLAYS);
        assertThat(outcome.firstHalfBuilt()).isEqualTo("\"null: 21.5 null\"");
        Evidence.badShowed(reporter, "%d of %d displays show %s", outcome.halfBuilt(), outcome.displays(), outcome.firstHalfBuilt());
    }

    @Test
    void subscribingOnTheLastLineOfAConstructorStillExposesTheSubclassHalfBuilt(TestReporter reporter) throws Exception {
        Fix<Scenario.DisplayOn> fix = Fix.of("subscribe(this) on the constructor's last line, class extended",
                OtherDisplays.OneDecimalOnLastLine::new);
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.halfBuilt()).isEqualTo(Scenario.DISPLAYS);
        assertThat(outcome.firstHalfBuilt()).isEqualTo("\"Greenhouse 1: 22 °C\"");
        Evidence.wrongFixCaught(reporter, fix, "%d of %d displays show %s", outcome.halfBuilt(), outcome.displays(),
                outcome.firstHalfBuilt());
    }

    @Test
    void aDisplayBuiltFirstAndSubscribedByItsFactoryIsAlwaysCalledBackWhole(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::open);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.halfBuilt()).isZero();
        Evidence.goodHeld(reporter, "all %d displays show \"Greenhouse N: 21.5 °C\"", outcome.displays());
    }

    static Stream<Fix<Scenario.DisplayOn>> rightFixes() {
        return Stream.of(
                Fix.of("construct, then start(feed)", OtherDisplays.StartedAfterConstruction::open),
                Fix.of("factory, for a display with more fields", OtherDisplays.OneDecimalSubscribedByFactory::open));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixIsCalledBackWhole(Fix<Scenario.DisplayOn> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "all %d displays whole", outcome.displays());
    }

    /**
     * The lint looks for escapes a subclass in another compilation could observe: it warns on a public, non-final
     * class with a public or protected constructor, and says nothing about this final class, whose escape to another
     * thread is just as real.
     */
    @Test
    void javacThisEscapeLintIsSilentOnTheFinalClassAndWarnsOnlyWhenASubclassCouldSeeTheEscape(@TempDir Path out) throws Exception {
        String asWritten = Files.readString(BAD_SOURCE);
        String subclassable = asWritten.replace("public final class BadExample", "public class BadExample")
                .replace("    private BadExample(Feed feed", "    public BadExample(Feed feed");
        String subclassableButPrivate = asWritten.replace("public final class BadExample", "public class BadExample");
        String subclassableProtected = subclassable.replace("    public BadExample(Feed feed", "    protected BadExample(Feed feed");
        String subclassablePackagePrivate = subclassable.replace("    public BadExample(Feed feed", "    BadExample(Feed feed");

        assertThat(thisEscapeWarnings(asWritten, out)).as("final class, private constructor").isEmpty();
        assertThat(thisEscapeWarnings(subclassableButPrivate, out)).as("non-final class, private constructor").isEmpty();
        assertThat(thisEscapeWarnings(subclassable, out)).as("public non-final class, public constructor")
                .singleElement().satisfies(warning -> assertThat(warning)
                        .contains("possible 'this' escape before subclass is fully initialized")
                        .contains("feed.subscribe(this)"));
        assertThat(thisEscapeWarnings(subclassableProtected, out)).as("public non-final class, protected constructor")
                .singleElement().satisfies(warning -> assertThat(warning).contains("feed.subscribe(this)"));
        assertThat(thisEscapeWarnings(subclassablePackagePrivate, out)).as("non-final class, package-private constructor")
                .isEmpty();
    }

    private static List<String> thisEscapeWarnings(String source, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///BadExample.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("-Xlint:this-escape", "-proc:none", "-d", out.toString(),
                "-cp", System.getProperty("java.class.path"));
        boolean compiled = javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        assertThat(compiled).as("%s", diagnostics.getDiagnostics()).isTrue();
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getCode().contains("this.escape"))
                .map(d -> d.getMessage(null) + " at: " + source.lines().skip(d.getLineNumber() - 1).findFirst().orElse("").strip())
                .toList();
    }
}
