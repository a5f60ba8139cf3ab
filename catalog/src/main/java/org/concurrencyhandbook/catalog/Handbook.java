package org.concurrencyhandbook.catalog;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.concurrencyhandbook.support.ChildJvm;

/**
 * The handbook's runner, behind {@code ./handbook}: with no argument it lists every pitfall; with an id it runs that
 * pitfall's BadExample, then its GoodExample, each in its own JVM with nothing but the JDK and its own classes, and
 * shows what each printed and how it exited.
 *
 * <p>Exit status: 0 when the bad example showed its failure (exited non-zero) and the good one held (exited 0);
 * 1 when an example did not behave so; 2 for an unknown id. An example exits {@value #INCONCLUSIVE} when this machine
 * could not provide what it needs to show anything (two cores for a performance pitfall, say).
 */
public final class Handbook {

    /** The exit status of an example that could not show anything on this machine, either way. */
    public static final int INCONCLUSIVE = 3;

    private static final Duration PER_EXAMPLE = Duration.ofSeconds(30);

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
        Optional<Pitfall> found = catalog.find(args[0]);
        if (found.isEmpty()) {
            err.println("Unknown pitfall id '" + args[0] + "'. The ids are:\n");
            err.print(catalog.listing());
            return 2;
        }
        Pitfall pitfall = found.get();
        Path root = Catalog.root();
        out.printf("%s %s — %s, package %s%n", pitfall.id(), pitfall.title(), pitfall.module(), pitfall.packageName());
        ChildJvm.Result bad = runExample(pitfall.badExample(), pitfall, root, out);
        ChildJvm.Result good = runExample(pitfall.goodExample(), pitfall, root, out);
        boolean badShowedIt = !bad.timedOut() && bad.exitCode() != 0 && bad.exitCode() != INCONCLUSIVE;
        boolean goodHeld = !good.timedOut() && good.exitCode() == 0;
        out.printf("%nBadExample %s; GoodExample %s.%n", verdict(bad, badShowedIt, "showed the failure", "did NOT show the failure"),
                verdict(good, goodHeld, "held the invariant", "did NOT hold the invariant"));
        out.printf("Read: GUIDE.md#%s   Proof: %s%n", pitfall.guideAnchor(), root.relativize(pitfall.testFile(root)));
        return badShowedIt && goodHeld ? 0 : 1;
    }

    private static String verdict(ChildJvm.Result result, boolean asExpected, String expected, String unexpected) {
        if (!result.timedOut() && result.exitCode() == INCONCLUSIVE) {
            return "was inconclusive on this machine (exit " + INCONCLUSIVE + ")";
        }
        return (asExpected ? expected : unexpected) + " (exit " + result.exitCode() + ")";
    }

    private static ChildJvm.Result runExample(String mainClass, Pitfall pitfall, Path root, PrintStream out)
            throws InterruptedException {
        String name = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        out.printf("%n──── %s ────%n", name);
        out.flush();
        ChildJvm.Result result = ChildJvm.of(mainClass)
                .classPath(pitfall.exampleClassPath(root))
                .timeout(PER_EXAMPLE)
                .echoTo(out)
                .run();
        out.printf("──── %s %s in %.1f s ────%n", name,
                result.timedOut() ? "was stopped at the time limit" : "exited with status " + result.exitCode(),
                result.elapsed().toMillis() / 1000.0);
        return result;
    }
}
