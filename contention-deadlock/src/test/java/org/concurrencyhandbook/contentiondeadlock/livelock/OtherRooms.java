package org.concurrencyhandbook.contentiondeadlock.livelock;

/** The copy rooms 2.2's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherRooms {

    private OtherRooms() {
    }

    /**
     * Wrong: a fixed pause before trying again. It tempts because "give the other one a moment" sounds like manners; it
     * fails because both workers pause for the same 10 ms and meet again, in step.
     */
    static final class FixedPauseBeforeRetrying implements CopyRoom {
        private final Attempt attempt;

        FixedPauseBeforeRetrying(Attempt attempt) {
            this.attempt = attempt;
        }

        @Override
        public int copy(Device first, Device second, Runnable job) {
            for (int attempts = 1; ; attempts++) {
                first.lock().lock();
                try {
                    attempt.holdingFirst();
                    if (second.lock().tryLock()) {
                        try {
                            job.run();
                            return attempts;
                        } finally {
                            second.lock().unlock();
                        }
                    }
                    attempt.refused();
                } finally {
                    first.lock().unlock();
                }
                attempt.putBack();
                pause(10);
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Right: one arbiter — a lock for the whole room, taken before either device. Coarse, and it serializes the jobs,
     * but no worker can ever hold one device while the other holds the second.
     */
    static final class OneRoomLock implements CopyRoom {
        private final Object room = new Object();
        private final Attempt attempt;

        OneRoomLock(Attempt attempt) {
            this.attempt = attempt;
        }

        @Override
        public int copy(Device first, Device second, Runnable job) {
            for (int attempts = 1; ; attempts++) {
                synchronized (room) {
                    first.lock().lock();
                    try {
                        attempt.holdingFirst();
                        if (second.lock().tryLock()) {
                            try {
                                job.run();
                                return attempts;
                            } finally {
                                second.lock().unlock();
                            }
                        }
                        attempt.refused();
                    } finally {
                        first.lock().unlock();
                    }
                }
                attempt.putBack();
            }
        }
    }
}
