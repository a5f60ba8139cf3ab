package org.concurrencyhandbook.apipitfalls.uncaught;

import static org.assertj.core.api.Assertions.assertThat;

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
 * One scenario for every implementation: three exports, two of which throw, and the question where each exception
 * went — back to the caller, to the JVM's default handler, or nowhere. Judged by {@link Scenario.Outcome#verdict}, as
 * the mains are. No race: where an exception goes is decided by the API, so every run gives the same answer.
 */
@Timeout(60)
class UncaughtExceptionsTest {

    static Stream<Fix<NightlyExports>> wrongFixes() {
        return Stream.of(
                Fix.of("UncaughtExceptionHandler on every thread, tasks submit()ted", new OtherExports.HandlerOnEveryThread()),
                Fix.of("try/catch around start() and submit()", new OtherExports.TryCatchAroundTheLaunch()));
    }

    static final Fix<NightlyExports> COMPLETABLE_FUTURES = Fix.of("CompletableFuture.runAsync, every stage handled",
            new OtherExports.CompletableFutures());
    static final Fix<NightlyExports> AFTER_EXECUTE = Fix.of("execute() with afterExecute, a handler on the own thread",
            new OtherExports.AfterExecuteAndAThreadHandler());

    static Stream<Fix<NightlyExports>> rightFixes() {
        return Stream.of(COMPLETABLE_FUTURES, AFTER_EXECUTE);
    }

    @Test
    void aDyingThreadIsOnlyPrintedAndASubmittedTaskNotEvenThat(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(new BadExample());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.reachedCaller()).as("failures that reached the caller").isZero();
        assertThat(outcome.failures()).as("the thread's failure went to the default handler, the submitted task's nowhere")
                .containsExactly(new Scenario.Failure("invoices", "no such table", false, false),
                        new Scenario.Failure("orders", "disk full", true, false));
        Evidence.badShowed(reporter, "0 of %d failures reached the caller; %d printed by the default handler (the thread's),"
                + " the submitted task's not even that", outcome.failures().size(), outcome.printedByDefault());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void aTemptingWrongFixStillLosesAFailure(Fix<NightlyExports> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILURE_SHOWN);
        assertThat(outcome.failures()).as("the submitted task's failure is lost either way")
                .contains(new Scenario.Failure("invoices", "no such table", false, false));
        Evidence.wrongFixCaught(reporter, fix, "%d of %d failures reached the caller; lost: %s", outcome.reachedCaller(),
                outcome.failures().size(), outcome.failures().stream().filter(failure -> !failure.reachedCaller())
                        .map(Scenario.Failure::message).toList());
    }

    @Test
    void aFuturePerJobAskedWithGetReportsEveryFailure(TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(new GoodExample());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        assertThat(outcome.reachedCaller()).isEqualTo(outcome.failures().size()).isEqualTo(2);
        Evidence.goodHeld(reporter, "%d of %d failures reached the caller", outcome.reachedCaller(), outcome.failures().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixReportsEveryFailure(Fix<NightlyExports> fix, TestReporter reporter) throws Exception {
        Scenario.Outcome outcome = Scenario.run(fix.make());

        assertThat(outcome.verdict()).isEqualTo(Verdict.INVARIANT_HELD);
        Evidence.rightFixHeld(reporter, fix, "%d of %d failures reached the caller", outcome.reachedCaller(),
                outcome.failures().size());
    }
}
