package org.concurrencyhandbook.syncstate.falsesharing;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Two threads, each incrementing its own slot: side by side (one cache line), and 128 bytes apart. Each group runs one
 * thread per slot; the score is increments per microsecond for the group.
 *
 * <p>HOW TO RUN THIS BENCHMARK (numbers in GUIDE.md §1.12):
 * <pre>
 * ./mvnw -q -pl sync-state -am test-compile exec:exec@jmh -Djmh.args="FalseSharingBenchmark -f 3 -wi 3 -i 5 -w 1s -r 1s"
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FalseSharingBenchmark {

    @State(Scope.Group)
    public static class Adjacent {
        final HitSlots slots = new BadExample();
    }

    @State(Scope.Group)
    public static class Padded {
        final HitSlots slots = new GoodExample();
    }

    @Benchmark
    @Group("adjacent")
    @GroupThreads(1)
    public void adjacentWorker0(Adjacent state) {
        state.slots.hit(0);
    }

    @Benchmark
    @Group("adjacent")
    @GroupThreads(1)
    public void adjacentWorker1(Adjacent state) {
        state.slots.hit(1);
    }

    @Benchmark
    @Group("padded")
    @GroupThreads(1)
    public void paddedWorker0(Padded state) {
        state.slots.hit(0);
    }

    @Benchmark
    @Group("padded")
    @GroupThreads(1)
    public void paddedWorker1(Padded state) {
        state.slots.hit(1);
    }
}
