package org.concurrencyhandbook.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.concurrencyhandbook.support.StallDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runner behind {@code ./handbook}, run as a reader runs it: in its own JVM. */
@Timeout(120)
class HandbookRunnerTest {

    private static ChildJvm.Result handbook(String... args) throws InterruptedException {
        return ChildJvm.of(Handbook.class)
                .jvmArgs("-Dhandbook.root=" + Catalog.root())
                .args(args)
                .timeout(Duration.ofSeconds(90))
                .run();
    }

    @Test
    void withoutAnIdItListsEveryPitfall() throws Exception {
        ChildJvm.Result list = handbook();

        assertThat(list.exitCode()).as(list.describe()).isZero();
        for (Pitfall pitfall : Catalog.load().all()) {
            assertThat(list.stdout()).contains(pitfall.id() + " ").contains(pitfall.plainTitle()).doesNotContain("`");
        }
    }

    @Test
    void anUnknownIdIsAClearErrorWithTheListAndStatus2() throws Exception {
        ChildJvm.Result unknown = handbook("9.99");

        assertThat(unknown.exitCode()).as(unknown.describe()).isEqualTo(2);
        assertThat(unknown.stderr()).startsWith("Unknown pitfall id '9.99'. The ids are:").contains("1.3 ").contains("Lost update");
        assertThat(unknown.stdout()).isEmpty();
    }

    @Test
    void helpSaysHowToCallItAndWhatEveryExitStatusMeans() throws Exception {
        ChildJvm.Result help = handbook("--help");

        assertThat(help.exitCode()).as(help.describe()).isZero();
        assertThat(help.stdout()).startsWith("Usage: ./handbook").contains("4 failure shown, 0 invariant held, 3 inconclusive");
    }

    @Test
    void anIdRunsTheBadExampleThenTheGoodOneAndShowsHowEachExited() throws Exception {
        ChildJvm.Result run = handbook("1.3");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        String out = run.stdout();
        assertThat(out.indexOf("──── BadExample ────")).isNotNegative()
                .isLessThan(out.indexOf("──── BadExample exited with status 4"))
                .isLessThan(out.indexOf("──── GoodExample ────"))
                .isLessThan(out.indexOf("──── GoodExample exited with status 0"));
        assertThat(out).contains("LOST UPDATES").contains("Every one of the 10,000 deposits arrived")
                .contains("BadExample showed the failure (exit 4); GoodExample held the invariant (exit 0).")
                .contains("GUIDE.md#13-lost-update");
    }

    @Test
    void aStallIsDiagnosedInWordsAndItsStacksComeOnlyOnRequest() throws Exception {
        ChildJvm.Result plain = handbook("2.1");
        ChildJvm.Result withStacks = handbook("2.1", "--thread-dump");

        assertThat(plain.exitCode()).as(plain.describe()).isZero();
        assertThat(plain.stdout())
                .contains("\"transfer 1->2\" holds account 1 and waits to lock account 2, held by \"transfer 2->1\"")
                .contains(StallDetector.howToAskForStacks())
                .doesNotContain("\tat ");
        assertThat(withStacks.exitCode()).as(withStacks.describe()).isZero();
        assertThat(withStacks.stdout()).contains("-  waiting to lock account 2").contains("-  locked account 1")
                .doesNotContain(StallDetector.howToAskForStacks());
    }
}
