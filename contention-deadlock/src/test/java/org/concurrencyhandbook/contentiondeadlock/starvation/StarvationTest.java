package org.concurrencyhandbook.contentiondeadlock.starvation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.testkit.Demos.runMain;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concurrencyhandbook.support.ChildJvm;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Demos;
import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two journals: a writer re-taking the lock in a tight loop, a reporter asking for it ten times while
 * queued and asleep. A fair lock lets each read wait through at most {@value HotLock#FAIR_BOUND} appends, so at most
 * 20 in all; the bad test asks for five times that.
 */
@Timeout(120)
class StarvationTest {

    private static final Pattern WAITS = Pattern.compile("The writer took the lock ([\\d,]+) times\\. The reporter's 10 reads"
            + " waited through \\[([\\d, ]+)] of its appends");
    private static final int WIDE_MARGIN = 5 * HotLock.READS * HotLock.FAIR_BOUND;

    @Test
    void aNonFairLockLetsTheWriterOvertakeTheQueuedReporterAgainAndAgain(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = runMain(BadExample.class);

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        Matcher waits = WAITS.matcher(bad.stdout());
        assertThat(waits.find()).as(bad.describe()).isTrue();
        List<Long> perRead = perRead(waits.group(2));
        long total = perRead.stream().mapToLong(Long::longValue).sum();
        assertThat(total).as("appends the reporter waited through, over its 10 reads: %s", perRead).isGreaterThanOrEqualTo(WIDE_MARGIN);
        Evidence.badShowed(reporter, "the queued reporter's 10 reads waited through %,d of the writer's %s appends (longest %,d);"
                + " a fair lock allows at most %d", total, waits.group(1), perRead.stream().mapToLong(Long::longValue).max().orElseThrow(),
                HotLock.READS * HotLock.FAIR_BOUND);
    }

    @Test
    void aFairLockServesTheReporterInTurn(TestReporter reporter) throws Exception {
        ChildJvm.Result good = runMain(GoodExample.class);

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        Matcher waits = WAITS.matcher(good.stdout());
        assertThat(waits.find()).as(good.describe()).isTrue();
        List<Long> perRead = perRead(waits.group(2));
        assertThat(perRead).as("appends waited through, per read").hasSize(HotLock.READS).allMatch(n -> n <= HotLock.FAIR_BOUND);
        Evidence.goodHeld(reporter, "each of the reporter's 10 reads waited through at most %d append(s): %s",
                perRead.stream().mapToLong(Long::longValue).max().orElseThrow(), perRead);
    }

    private static List<Long> perRead(String list) {
        return Arrays.stream(list.split(",\\s*")).map(Long::valueOf).toList();
    }
}
