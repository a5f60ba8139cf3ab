package org.concurrencyhandbook.contentiondeadlock.livelock;

import java.util.concurrent.locks.ReentrantLock;

/** A device of the copy room: a name, a rank that gives all devices one order, and a lock for exclusive use. */
public record Device(String name, int rank, ReentrantLock lock) {

    public Device(String name, int rank) {
        this(name, rank, new ReentrantLock());
    }

    @Override
    public String toString() {
        return name;
    }
}
