package org.concurrencyhandbook.contentiondeadlock.priorityinversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencyhandbook.testkit.Demos.runMain;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concurrencyhandbook.support.ChildJvm;
import org.concurrencyhandbook.support.Verdict;
import org.concurrencyhandbook.testkit.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * One scenario, two export connections: a low-priority job holds the connection when a high-priority job that needs it
 * and 20 medium-priority jobs that do not arrive on a one-thread priority executor. The order in which the jobs finish
 * is the verdict.
 */
@Timeout(120)
class PriorityInversionTest {

    private static final Pattern ORDER = Pattern.compile("Finished, in order: \\[(.*)]");

    private static List<String> finishingOrder(ChildJvm.Result result) {
        Matcher order = ORDER.matcher(result.stdout());
        assertThat(order.find()).as(result.describe()).isTrue();
        return Arrays.asList(order.group(1).split(", "));
    }

    private static long mediumJobsBefore(String job, List<String> order) {
        return order.subList(0, order.indexOf(job)).stream().filter(name -> name.startsWith("thumbnail-")).count();
    }

    @Test
    void theHighPriorityJobWaitsForEveryMediumJobThroughTheLowOneItNeeds(TestReporter reporter) throws Exception {
        ChildJvm.Result bad = runMain(BadExample.class);

        assertThat(bad.verdict()).as(bad.describe()).contains(Verdict.FAILURE_SHOWN);
        List<String> order = finishingOrder(bad);
        assertThat(order).hasSize(2 + ReportServer.MEDIUM_JOBS);
        assertThat(mediumJobsBefore("alert", order)).as("medium-priority jobs finished before the alert: %s", order)
                .isEqualTo(ReportServer.MEDIUM_JOBS);
        assertThat(order.indexOf("alert")).as("the alert finishes right after the report that held the connection")
                .isEqualTo(order.indexOf("nightly-report") + 1);
        Evidence.badShowed(reporter, "the alert (priority %d) finished last of %d, after all %d medium-priority jobs, waiting for"
                + " the priority-%d report they kept from running", ReportServer.HIGH, order.size(), ReportServer.MEDIUM_JOBS,
                ReportServer.LOW);
    }

    @Test
    void priorityInheritanceLetsTheHighPriorityJobFinishBeforeEveryMediumJob(TestReporter reporter) throws Exception {
        ChildJvm.Result good = runMain(GoodExample.class);

        assertThat(good.verdict()).as(good.describe()).contains(Verdict.INVARIANT_HELD);
        List<String> order = finishingOrder(good);
        assertThat(order).hasSize(2 + ReportServer.MEDIUM_JOBS);
        assertThat(mediumJobsBefore("alert", order)).as("medium-priority jobs finished before the alert: %s", order).isZero();
        Evidence.goodHeld(reporter, "the alert finished #%d, before all %d medium-priority jobs: the report inherited its priority",
                order.indexOf("alert") + 1, ReportServer.MEDIUM_JOBS);
    }
}
