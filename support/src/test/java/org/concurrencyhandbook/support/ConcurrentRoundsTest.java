package org.concurrencyhandbook.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ConcurrentRoundsTest {

    @Test
    void stopsAtTheFirstRoundThatShowsDamage() throws Exception {
        AtomicInteger round = new AtomicInteger();
        ConcurrentRounds<AtomicInteger> rounds = new ConcurrentRounds<>(2,
                () -> new AtomicInteger(round.incrementAndGet()), (counter, thread) -> { },
                counter -> counter.get() == 3 ? Optional.of("three") : Optional.empty());

        ConcurrentRounds.Verdict verdict = rounds.untilDamage(10, Duration.ofSeconds(30));

        assertThat(verdict.rounds()).isEqualTo(3);
        assertThat(verdict.damage()).contains("round 3: three");
    }

    @Test
    void everyThreadWorksOnTheSameFreshObjectEachRound() throws Exception {
        ConcurrentRounds<AtomicInteger> rounds = new ConcurrentRounds<>(4, AtomicInteger::new,
                (counter, thread) -> counter.addAndGet(1 << thread),
                counter -> counter.get() == 0b1111 ? Optional.empty() : Optional.of("saw " + counter.get()));

        ConcurrentRounds.Verdict verdict = rounds.all(20);

        assertThat(verdict.rounds()).isEqualTo(20);
        assertThat(verdict.damage()).isEmpty();
    }

    @Test
    void aThreadThatThrowsIsDamage() throws Exception {
        ConcurrentRounds<Object> rounds = new ConcurrentRounds<>(2, Object::new,
                (shared, thread) -> {
                    if (thread == 1) {
                        throw new ArrayIndexOutOfBoundsException("corrupted");
                    }
                },
                shared -> Optional.empty());

        assertThat(rounds.untilDamage(5, Duration.ofSeconds(30)).damage())
                .hasValueSatisfying(damage -> assertThat(damage).contains("round 1: a thread threw java.lang.ArrayIndexOutOfBoundsException: corrupted"));
    }
}
