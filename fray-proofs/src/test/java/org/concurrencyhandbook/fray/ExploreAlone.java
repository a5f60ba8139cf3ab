package org.concurrencyhandbook.fray;

import java.lang.reflect.Constructor;
import org.concurrencyhandbook.support.Facts;

/**
 * Explores one scenario in a JVM of its own, for {@link ExplorationProof#hangs}: {@code args[0]} is the exploration's
 * name, {@code args[1]} names a {@code Runnable} with a no-argument constructor, {@code args[2]} is the number of
 * schedules. Records how many schedules it ran and whether one failed, and how — if the exploration ever ends.
 */
public final class ExploreAlone {

    private ExploreAlone() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        Constructor<?> constructor = Class.forName(args[1]).getDeclaredConstructor();
        constructor.setAccessible(true);
        Runnable scenario = (Runnable) constructor.newInstance();
        Exploration.Result result = Exploration.explore(args[0], Integer.parseInt(args[2]), scenario);
        System.out.println(result);
        Facts.record("schedules", result.schedules());
        Facts.record("failed", result.failure().isPresent());
        Facts.record("unfinished", result.unfinished());
        Facts.record("failedInFray", result.failure().map(Exploration.Failure::inFrayItself).orElse(false));
        System.exit(0);
    }
}
