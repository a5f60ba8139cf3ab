/**
 * Fray's controlled scheduler as a fourth proof: would anyone find these bugs without knowing the interleaving?
 * {@link org.concurrencyhandbook.fray.InstrumentedJdk} builds the JDK Fray runs on;
 * {@link org.concurrencyhandbook.fray.Exploration} runs a scenario under many schedules and keeps the failing one.
 * Each pitfall's {@code FrayExplorationTest}, in the pitfall's own package, runs its examples' code without the
 * hooks that force the interleaving in the handbook's other tests. GUIDE.md's appendix "Found without a hint" tells it.
 */
package org.concurrencyhandbook.fray;
