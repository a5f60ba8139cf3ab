package org.concurrencyhandbook.asyncpitfalls.earlyexit;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** A batch job's main work: every item processed in the background, each result handed on. Both examples implement it. */
public interface Batch {

    void processAll(List<String> items, UnaryOperator<String> work, Consumer<String> results);
}
