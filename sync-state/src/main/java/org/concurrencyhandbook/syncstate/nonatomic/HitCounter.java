package org.concurrencyhandbook.syncstate.nonatomic;

/** Counts page views: a total and a count per page, bumped by every request thread. Both examples implement it. */
public interface HitCounter {

    void hit(String page);

    long total();

    long hits(String page);
}
