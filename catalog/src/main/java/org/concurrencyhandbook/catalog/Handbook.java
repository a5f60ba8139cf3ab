package org.concurrencyhandbook.catalog;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.concurrencyhandbook.testkit.ChildJvm;
import org.concurrencyhandbook.support.StallDetector;
import org.concurrencyhandbook.support.Verdict;

/**
 * The handbook's runner, behind {@code ./handbook}: with no argument it lists every pitfall; with an id it runs that
 * pitfall's BadExample, then its GoodExample, each in its own JVM with nothing but the JDK and its own classes, and
 * shows what each printed and how it exited.
 *
 * <p>An example reports what it saw by its exit status, as {@link Verdict} defines it; any other status is a crash,
 * never a verdict. The runner's own exit status: 0 when the bad example showed its failure and the good one held;
 * 1 when an example did not behave so (or crashed); 3 when neither misbehaved but one was inconclusive on this
 * machine; 2 for a usage error.
 */
public final class Handbook {

    static final String USAGE = """
            Usage: ./handbook [list | <id> [--thread-dump] | check <id> [--runs N] | --help]
              ./handbook          list every pitfall
              ./handbook <id>     run that pitfall: its BadExample, then its GoodExample, each in its own JVM
              ./handbook <id> --thread-dump
                                  the same, and a stalled example prints its threads' full stacks too
              ./handbook check <id> [--runs N]
                                  a contributor's checks of that pitfall, each with a verdict: its test passes with
                                  wrong fixes caught; it fails with BadExample and GoodExample swapped; on one CPU
                                  the test does not fail and BadExample does not exit 0; a timing-dependent test
                                  passes its calibrated number of runs (or N) under load. Exits 0, 1 or 3.
            An example's exit status says what it saw: %d failure shown, %d invariant held, %d inconclusive on this
            machine; anything else is a crash. ./handbook exits 0 when the bad example showed its failure and the
            good one held, 1 when either did not, 3 when one was inconclusive, 2 for a usage error.
            """.formatted(Verdict.FAILURE_SHOWN.exitStatus(), Verdict.INVARIANT_HELD.exitStatus(),
            Verdict.INCONCLUSIVE.exitStatus());

    private Handbook() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Catalog catalog = Catalog.load();
        if (args.length == 0 || args[0].equals("list")) {
            out.println("The Java Concurrency Handbook — pitfalls. Run one with ./handbook <id>, e.g. ./handbook "
                    + catalog.all().getFirst().id() + "\n");
            out.print(catalog.listing());
            return 0;
        }
        if (args[0].equals("--help") || args[0].equals("-h")) {
            out.print(USAGE);
            return 0;
        }
        if (args[0].equals("check")) {
            return check(catalog, args, out, err);
        }
        boolean threadDump = args.length == 2 && args[1].equals("--thread-dump");
        if (args.length > 1 && !threadDump) {
            err.print(USAGE);
            return Verdict.USAGE;
        }
        Optional<Pitfall> found = catalog.find(args[0]);
        if (found.isEmpty()) {
            return unknown(catalog, args[0], err);
        }
        Pitfall pitfall = found.get();
        Path root = Catalog.root();
        out.printf("%s %s — %s, package %s%n", pitfall.id(), pitfall.plainTitle(), pitfall.module(), pitfall.packageName());
        ChildJvm.Result bad = runExample(pitfall.badExample(), pitfall, root, threadDump, out);
        ChildJvm.Result good = runExample(pitfall.goodExample(), pitfall, root, threadDump, out);
        Optional<Verdict> badSaw = bad.verdict();
        Optional<Verdict> goodSaw = good.verdict();
        out.printf("%nBadExample %s; GoodExample %s.%n", describe(bad, badSaw), describe(good, goodSaw));
        out.printf("Read: GUIDE.md#%s   Proof: %s%n", pitfall.guideAnchor(), root.relativize(pitfall.testFile(root)));
        boolean badShowedIt = badSaw.equals(Optional.of(Verdict.FAILURE_SHOWN));
        boolean goodHeld = goodSaw.equals(Optional.of(Verdict.INVARIANT_HELD));
        if (badShowedIt && goodHeld) {
            return 0;
        }
        boolean neitherMisbehaved = (badShowedIt || badSaw.equals(Optional.of(Verdict.INCONCLUSIVE)))
                && (goodHeld || goodSaw.equals(Optional.of(Verdict.INCONCLUSIVE)));
        return neitherMisbehaved ? Verdict.INCONCLUSIVE.exitStatus() : 1;
    }

    private static int check(Catalog catalog, String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        boolean withRuns = args.length == 4 && args[2].equals("--runs") && args[3].matches("[1-9][0-9]*");
        if (args.length != 2 && !withRuns) {
            err.print(USAGE);
            return Verdict.USAGE;
        }
        Optional<Pitfall> found = catalog.find(args[1]);
        if (found.isEmpty()) {
            return unknown(catalog, args[1], err);
        }
        return new Check(found.get(), Catalog.root(), out, withRuns ? Integer.parseInt(args[3]) : 0).run();
    }

    private static int unknown(Catalog catalog, String id, PrintStream err) {
        err.println("Unknown pitfall id '" + id + "'. The ids are:\n");
        err.print(catalog.listing());
        return Verdict.USAGE;
    }

    private static String describe(ChildJvm.Result result, Optional<Verdict> verdict) {
        if (result.timedOut()) {
            return "was stopped at the time limit";
        }
        return verdict.map(Verdict::description).orElse("CRASHED") + " (exit " + result.exitCode() + ")";
    }

    private static ChildJvm.Result runExample(String mainClass, Pitfall pitfall, Path root, boolean threadDump,
                                              PrintStream out) throws InterruptedException {
        String name = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        out.printf("%n──── %s ────%n", name);
        out.flush();
        ChildJvm.Result result = ChildJvm.of(mainClass)
                .classPath(pitfall.exampleClassPath(root))
                .jvmArgs("-D" + StallDetector.THREAD_DUMP_PROPERTY + "=" + threadDump)
                .echoTo(out)
                .run();
        out.printf("──── %s %s in %.1f s ────%n", name,
                result.timedOut() ? "was stopped at the time limit" : "exited with status " + result.exitCode(),
                result.elapsed().toMillis() / 1000.0);
        return result;
    }
}
