package org.concurrencyhandbook.syncstate.storebuffering;

/**
 * The heart of Dekker's mutual exclusion: two threads, one flag each. A thread raises its own flag, then looks at
 * the other's; if the other flag is still down, it may enter. Both examples implement it; a new instance is one
 * encounter.
 *
 * <p>The promise: <em>at most one</em> of the two sees the other's flag down. Seeing {@code 0} from both methods
 * of one instance means both threads entered the critical section together.
 */
public interface EntryFlags {

    /** The first thread raises its flag and returns what it saw of the second's: 1 raised, 0 down. */
    int firstRaisesThenLooks();

    /** The second thread raises its flag and returns what it saw of the first's: 1 raised, 0 down. */
    int secondRaisesThenLooks();
}
