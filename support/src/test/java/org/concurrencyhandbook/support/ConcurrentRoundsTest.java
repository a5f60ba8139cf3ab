package org.concurrencyhandbook.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ConcurrentRoundsTest {

    /** Each worker waits for the others, then works for 5 ms: the runs overlap by far more than the wake-ups take. */
    private static void together(CyclicBarrier barrier) {
        try {
            barrier.await();
            long until = System.nanoTime() + 5_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDamagedRoundEndsTheRunWithTheFailureShown() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two CPUs");
        AtomicInteger round = new AtomicInteger();
        CyclicBarrier barrier = new CyclicBarrier(2);
        ConcurrentRounds<AtomicInteger, String> rounds = new ConcurrentRounds<>(2,
                () -> new AtomicInteger(round.incrementAndGet()), (counter, thread) -> together(barrier),
                counter -> counter.get() == 3 ? Optional.of("three") : Optional.empty());

        ConcurrentRounds.Report<String> report = rounds.run(5, 100, Duration.ofSeconds(30));

        assertThat(report.rounds()).hasSize(3);
        assertThat(report.damagedRounds()).extracting(ConcurrentRounds.Round::number).containsExactly(3);
        assertThat(report.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
    }

    @Test
    void everyThreadWorksOnTheSameFreshObjectAndOverlappingRoundsWithoutDamageHold() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two CPUs");
        CyclicBarrier barrier = new CyclicBarrier(2);
        ConcurrentRounds<AtomicInteger, String> rounds = new ConcurrentRounds<>(2, AtomicInteger::new,
                (counter, thread) -> {
                    together(barrier);
                    counter.addAndGet(1 << thread);
                },
                counter -> counter.get() == 0b11 ? Optional.empty() : Optional.of("saw " + counter.get()));

        ConcurrentRounds.Report<String> report = rounds.run(20, 100, Duration.ofSeconds(30));

        assumeTrue(report.verdict() != Verdict.INCONCLUSIVE, () -> report.inconclusiveReason().orElseThrow());
        assertThat(report.overlappedRounds()).isEqualTo(20);
        assertThat(report.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
    }

    @Test
    void aRoundCountsOnlyIfEveryThreadWasOnACpuAndTheRunsOverlappedForHalfTheShortest() {
        long[] fullyOnCpu = {100, 100};
        assertThat(ConcurrentRounds.overlapped(new long[] {0, 10}, new long[] {100, 110}, fullyOnCpu)).isTrue();
        assertThat(ConcurrentRounds.overlapped(new long[] {0, 50}, new long[] {100, 150}, fullyOnCpu)).isTrue();
        assertThat(ConcurrentRounds.overlapped(new long[] {0, 51}, new long[] {100, 151}, fullyOnCpu)).isFalse();
        assertThat(ConcurrentRounds.overlapped(new long[] {0, 100}, new long[] {100, 200}, fullyOnCpu)).as("one after the other").isFalse();
        assertThat(ConcurrentRounds.overlapped(new long[] {0, 0}, new long[] {100, 100}, new long[] {100, 60}))
                .as("taking turns on one core: the second thread was on a CPU for 60 % of its run").isFalse();
    }

    @Test
    void withNoRoundOverlappingTheVerdictIsInconclusiveAndSaysWhy() {
        ConcurrentRounds.Report<String> report = new ConcurrentRounds.Report<>(
                List.of(new ConcurrentRounds.Round<>(1, false, Optional.empty(), Optional.empty())), 3, 2);

        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.inconclusiveReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("in only 0").contains("3 such rounds are needed"));
        assertThat(new ConcurrentRounds.Report<String>(List.of(), 3, 1).inconclusiveReason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("1 CPU"));
    }

    @Test
    void aThreadThatThrowsSomethingOtherThanASymptomCrashesTheRunInsteadOfPassingAsDamage() {
        ConcurrentRounds<Object, String> rounds = new ConcurrentRounds<>(2, Object::new,
                (shared, thread) -> {
                    if (thread == 1) {
                        throw new UnsupportedOperationException("not the race");
                    }
                },
                shared -> Optional.empty());

        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two CPUs");
        assertThatThrownBy(() -> rounds.run(1, 5, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("crashed")
                .hasRootCauseInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aThrowableTheScenarioNamesAsASymptomIsDamage() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two CPUs");
        CyclicBarrier barrier = new CyclicBarrier(2);
        ConcurrentRounds<Object, String> rounds = new ConcurrentRounds<>(2, Object::new,
                (shared, thread) -> {
                    together(barrier);
                    if (thread == 1) {
                        throw new ClassCastException("corrupted");
                    }
                },
                shared -> Optional.empty(),
                thrown -> thrown instanceof ClassCastException ? Optional.of("threw " + thrown.getMessage()) : Optional.empty());

        ConcurrentRounds.Report<String> report = rounds.run(1, 5, Duration.ofSeconds(30));

        assertThat(report.damagedRounds()).singleElement().extracting(ConcurrentRounds.Round::damage).isEqualTo(Optional.of("threw corrupted"));
    }
}
