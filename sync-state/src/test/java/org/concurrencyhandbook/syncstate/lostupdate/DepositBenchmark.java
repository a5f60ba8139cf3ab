package org.concurrencyhandbook.syncstate.lostupdate;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * What it costs to not lose updates: two threads depositing into one shared account as fast as they can, with each
 * of the three standard fixes of 1.3, and the broken read-modify-write for scale.
 *
 * <p>HOW TO RUN THIS BENCHMARK (numbers in GUIDE.md §1.3):
 * <pre>
 * ./mvnw -q -pl sync-state -am test-compile exec:exec@jmh -Djmh.args="DepositBenchmark -f 3 -wi 3 -i 5 -w 1s -r 1s"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(2)
public class DepositBenchmark {

    private static final Ledger NO_LEDGER = amount -> { };

    private final Account racy = new BadExample(NO_LEDGER);
    private final Account atomic = new GoodExample(NO_LEDGER);
    private final LongAdder adder = new LongAdder();
    private long lockedBalance;

    /* This is wrong: deposits are lost (1.3). It is here to show what correctness costs. */
    @Benchmark
    public void racyReadModifyWrite() {
        racy.deposit(1);
    }

    /* Correct: one lock xadd per deposit, but both threads fight over one cache line. */
    @Benchmark
    public void atomicLong() {
        atomic.deposit(1);
    }

    /* Correct: the threads queue for the monitor. */
    @Benchmark
    public void synchronizedBlock() {
        synchronized (this) {
            lockedBalance += 1;
        }
    }

    /* Correct for the total once all deposits are done: each thread ends up adding to its own cell. */
    @Benchmark
    public void longAdder() {
        adder.add(1);
    }
}
