package org.concurrencyhandbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(240)
class JcstressTest {

    @BeforeEach
    void jcstressNeedsTwoCpus() {
        Conclusive.twoCpusOrSkip();
    }

    @Test
    void countsTheOutcomesOfATest() throws Exception {
        Jcstress.Outcomes outcomes = Jcstress.run(HarnessFixtures.AlwaysTheSame.class).of(HarnessFixtures.AlwaysTheSame.class);

        assertThat(outcomes.samples()).isPositive();
        assertThat(outcomes.count("42")).isEqualTo(outcomes.samples());
        assertThat(outcomes.count("0")).isZero();
        assertThat(outcomes.table()).contains("42").contains("Acceptable");
    }

    @Test
    void aTestThatErrsFailsTheRunWithJcstressOutput() {
        assertThatThrownBy(() -> Jcstress.run(HarnessFixtures.ActorThrows.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ActorThrows ended with CHECK_TEST_ERROR")
                .hasMessageContaining("this actor always fails")
                .hasMessageContaining("--- jcstress output");
    }

    @Test
    void aRunThatMatchesNoTestFails() {
        assertThatThrownBy(() -> Jcstress.run(HarnessFixtures.NotAStressTest.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("jcstress")
                .hasMessageContaining("NotAStressTest");
    }
}
