package org.concurrencyhandbook.syncstate.checkthenact;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.concurrencyhandbook.fray.Actors;
import org.concurrencyhandbook.fray.ExplorationProof;
import org.concurrencyhandbook.testkit.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** 1.1 under Fray, with no hint: two callers ask for the client of one host; one client may be opened, and shared. */
@Timeout(120)
class FrayExplorationTest {

    private static final String PITFALL = "1.1";

    static java.util.stream.Stream<Fix<Function<ClientRegistry.Opener, ClientRegistry>>> wrongFixes() {
        return CheckThenActTest.wrongFixes();
    }

    static java.util.stream.Stream<Fix<Function<ClientRegistry.Opener, ClientRegistry>>> rightFixes() {
        return CheckThenActTest.rightFixes();
    }

    private static Runnable twoCallers(Function<ClientRegistry.Opener, ClientRegistry> registryOn) {
        return () -> {
            AtomicInteger opened = new AtomicInteger();
            ClientRegistry registry = registryOn.apply(host -> new ClientRegistry.Client(host, opened.incrementAndGet()));
            List<ClientRegistry.Client> handedOut = new CopyOnWriteArrayList<>();
            Actors.runTogether(() -> handedOut.add(registry.clientFor("db")), () -> handedOut.add(registry.clientFor("db")));
            if (opened.get() != 1 || !handedOut.get(0).equals(handedOut.get(1))) {
                throw new AssertionError(opened.get() + " clients opened for one host, handed out " + handedOut);
            }
        };
    }

    @Test
    void frayFindsTheSecondClient(TestReporter reporter) {
        ExplorationProof.badFound(reporter, PITFALL, twoCallers(BadExample::new), "two clients opened for one host,"
                + " with no hint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFixes")
    void frayFindsATemptingWrongFix(Fix<Function<ClientRegistry.Opener, ClientRegistry>> fix, TestReporter reporter) {
        ExplorationProof.wrongFixFound(reporter, PITFALL, fix, twoCallers(fix.make()));
    }

    @Test
    void theGoodExampleSurvives(TestReporter reporter) {
        ExplorationProof.goodSurvives(reporter, PITFALL, twoCallers(GoodExample::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightFixes")
    void everyRecommendedFixSurvives(Fix<Function<ClientRegistry.Opener, ClientRegistry>> fix, TestReporter reporter) {
        ExplorationProof.rightFixSurvives(reporter, PITFALL, fix, twoCallers(fix.make()));
    }
}
