package org.concurrencyhandbook.contentiondeadlock.starvation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.Exploration;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * 2.3 under Fray, with no hint: the writer appends {@value #APPENDS} entries while the reporter asks for the size once,
 * each on a thread of its own. Whenever the writer holds the lock it looks whether the reporter is queued for it; the
 * invariant: once it has seen the reporter queued, it does not take the lock again before the reporter has had it —
 * what a lock that serves in turn guarantees, and what a non-fair lock breaks by letting the writer barge in as it
 * releases. In 300 schedules under Fray the writer never took the lock ahead of the queued reporter, fair lock or
 * not: it cannot see this pitfall, which the tests assert — and that the reporter was seen queued, so that the
 * blindness is not an empty scenario's. Not explored: the wrong fix with {@code synchronized}, whose
 * journal sees the queue through the reporter's thread state, and one of whose 300 schedules did not reach its end
 * (observed); and the fair {@code ReentrantReadWriteLock}, whose queue Fray 0.9.2 never showed the reporter in
 * (observed) — a survival that would prove nothing.
 */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "2.3";
    private static final int APPENDS = 10;
    /** Schedules, across an exploration, in which the writer found the reporter queued while it held the lock. */
    private static final AtomicInteger REPORTER_SEEN_QUEUED = new AtomicInteger();

    private static Runnable appendsAndARead(Function<Journal.LockTaken, Journal> journalOn) {
        return () -> {
            AtomicReference<Thread> reporter = new AtomicReference<>();
            AtomicReference<Journal> journal = new AtomicReference<>();
            AtomicBoolean reporterQueued = new AtomicBoolean();
            AtomicBoolean reporterServed = new AtomicBoolean();
            AtomicInteger overtaken = new AtomicInteger();
            journal.set(journalOn.apply(() -> {
                if (Thread.currentThread() == reporter.get()) {
                    reporterServed.set(true);
                    return;
                }
                if (reporterQueued.get() && !reporterServed.get()) {
                    overtaken.incrementAndGet();
                }
                Thread waiting = reporter.get();
                if (waiting != null && !reporterQueued.get() && journal.get().hasQueued(waiting)) {
                    reporterQueued.set(true);
                    REPORTER_SEEN_QUEUED.incrementAndGet();
                }
            }));
            Actors.runTogether(() -> {
                for (int entry = 1; entry <= APPENDS; entry++) {
                    journal.get().append("entry " + entry);
                }
            }, () -> {
                reporter.set(Thread.currentThread());
                journal.get().size();
            });
            assertThat(overtaken.get()).as("times the writer took the lock ahead of the queued reporter").isZero();
        };
    }

    @BeforeAll
    static void loadTheLocksClasses() {
        Exploration.loadClassesOf(appendsAndARead(GoodExample::new));
        REPORTER_SEEN_QUEUED.set(0);
    }

    private static void assertTheReporterWasSeenQueued() {
        assertThat(REPORTER_SEEN_QUEUED.getAndSet(0)).as("schedules in which the reporter was seen queued").isPositive();
    }

    @Test
    void frayCannotSeeTheWriterBargeIn(TestReporter reporter) {
        ExplorationProof.badUnseen(reporter, PITFALL, appendsAndARead(BadExample::new), "the writer never took the lock"
                + " ahead of the queued reporter, fair lock or not: whichever thread Fray lets run after a release, the"
                + " barging that starves the reporter never happens under it");
        assertTheReporterWasSeenQueued();
    }

    @Test
    void frayCannotSeeTryLockBargeInEither() {
        Fix<Function<Journal.LockTaken, Journal>> fix = StarvationTest.FAIR_BUT_TRY_LOCK;
        ExplorationProof.wrongFixUnseen(PITFALL, fix, appendsAndARead(fix.make()));
        assertTheReporterWasSeenQueued();
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, appendsAndARead(GoodExample::new));
        assertTheReporterWasSeenQueued();
    }
}
