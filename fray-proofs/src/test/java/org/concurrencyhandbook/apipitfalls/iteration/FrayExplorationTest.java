package org.concurrencyhandbook.apipitfalls.iteration;

import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 3.11 under Fray, with no hint: a list of three subscribers; one thread mails everyone while another unsubscribes
 * the first and subscribes a fourth. The mailing must not fail, and the two who stayed subscribed throughout must
 * each get one mail. Handing a mail to the outbox is a point where Fray may switch threads in the middle of the loop —
 * as sending it would be in production.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "3.11";
    private static final List<String> STAYING = List.of("bob@example.com", "cyd@example.com");

    static Stream<Fix<Supplier<MailingList>>> wrongFixes() {
        return Stream.of(OtherMailingLists.SYNCHRONIZED_LIST_UNLOCKED, OtherMailingLists.INDEX_LOOP);
    }

    static Stream<Fix<Supplier<MailingList>>> rightFixes() {
        return OtherMailingLists.RIGHT_FIXES.stream();
    }

    private static Runnable mailWhileTheListChanges(Supplier<MailingList> lists) {
        return () -> {
            MailingList list = lists.get();
            list.subscribe("ann@example.com");
            STAYING.forEach(list::subscribe);
            Queue<String> outbox = new ConcurrentLinkedQueue<>();
            Actors.runTogether(() -> {
                try {
                    list.sendToAll(outbox::add);
                } catch (ConcurrentModificationException e) {
                    throw new AssertionError("the mailing failed half-way, after " + outbox + ": " + e, e);
                }
            }, () -> {
                list.unsubscribe("ann@example.com");
                list.subscribe("dan@example.com");
            });
            for (String subscriber : STAYING) {
                long mails = outbox.stream().filter(subscriber::equals).count();
                if (mails != 1) {
                    throw new AssertionError(subscriber + " got " + mails + " mails; the outbox: " + outbox);
                }
            }
        };
    }

    @Test
    void frayFindsTheMailingThatFailsHalfWay(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, mailWhileTheListChanges(BadExample::new), "the mailing failed with a"
                + " ConcurrentModificationException when the list changed between two mails, with no hint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Supplier<MailingList>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, mailWhileTheListChanges(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, mailWhileTheListChanges(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Supplier<MailingList>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, mailWhileTheListChanges(fix.make()));
    }
}
