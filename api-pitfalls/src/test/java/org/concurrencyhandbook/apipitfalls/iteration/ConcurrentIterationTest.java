package org.concurrencyhandbook.apipitfalls.iteration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario for every mailing list: an issue sent to 5 subscribers, the first of them unsubscribed by another
 * thread at the first mailing, then — on a fresh list — at the second-to-last. The unsubscription happens exactly
 * there, or queues on the sender's lock: the same mailings on every run, one CPU included. Judged by
 * {@link Scenario.Outcome#verdict}, as the mains are.
 */
@Timeout(60)
class ConcurrentIterationTest {

    static Stream<Fix<Supplier<MailingList>>> rightFixes() {
        return OtherMailingLists.RIGHT_FIXES.stream();
    }

    @Test
    void theForEachOverAnArrayListThrowsOnceAndSkipsSilentlyOnce(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(BadExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.atTheFirstMailing().thrown()).isEqualTo("ConcurrentModificationException");
        assertThat(outcome.atTheFirstMailing().missed()).containsExactly("bob@", "cat@", "dan@", "eve@");
        assertThat(outcome.atTheSecondToLast().thrown()).as("the iterator's check is best-effort").isEmpty();
        assertThat(outcome.atTheSecondToLast().missed()).containsExactly("eve@");
        Evidence.badShowed(reporter, "at the first mailing, %s and %s missed; at the second-to-last, nothing thrown and"
                        + " %s missed", outcome.atTheFirstMailing().thrown(), outcome.atTheFirstMailing().missed(),
                outcome.atTheSecondToLast().missed());
    }

    @Test
    void aSynchronizedListIteratedWithoutItsLockThrowsToo(TestReporter reporter) throws Exception {
        Fix<Supplier<MailingList>> fix = OtherMailingLists.SYNCHRONIZED_LIST_UNLOCKED;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.atTheFirstMailing().thrown()).isEqualTo("ConcurrentModificationException");
        Evidence.wrongFixCaught(reporter, fix, "%s at the first mailing, %s missed; %s missed at the second-to-last",
                outcome.atTheFirstMailing().thrown(), outcome.atTheFirstMailing().missed(),
                outcome.atTheSecondToLast().missed());
    }

    @Test
    void aLoopByIndexThrowsNothingAndSkipsAReader(TestReporter reporter) throws Exception {
        Fix<Supplier<MailingList>> fix = OtherMailingLists.INDEX_LOOP;
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.atTheFirstMailing().thrown()).isEmpty();
        assertThat(outcome.atTheFirstMailing().missed()).as("bob@ moved to index 0, behind i").containsExactly("bob@");
        assertThat(outcome.atTheSecondToLast().missed()).containsExactly("eve@");
        Evidence.wrongFixCaught(reporter, fix, "nothing thrown, and %s missed at the first mailing, %s at the"
                + " second-to-last", outcome.atTheFirstMailing().missed(), outcome.atTheSecondToLast().missed());
    }

    @Test
    void aCopyOnWriteArrayListSendsToEveryoneOnce(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(GoodExample::new);

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.atTheFirstMailing().mailed()).as("the snapshot the loop began with")
                .containsExactlyElementsOf(Scenario.READERS);
        Evidence.goodHeld(reporter, "mailed %s in both scenes, nothing thrown, ann@ unsubscribed",
                outcome.atTheFirstMailing().mailed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSendsToEveryoneOnce(Fix<Supplier<MailingList>> fix, TestReporter reporter)
            throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "mailed %s and %s, nothing thrown, ann@ unsubscribed",
                outcome.atTheFirstMailing().mailed(), outcome.atTheSecondToLast().mailed());
    }
}
