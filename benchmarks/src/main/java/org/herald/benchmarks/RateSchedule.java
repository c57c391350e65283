package org.herald.benchmarks;

/**
 * An open-loop schedule: request {@code i} is due at {@code start + i / rate}, whether or not earlier
 * requests have been answered. Latency is measured from this intended start, so a stalled server is
 * charged for every request it held back (no coordinated omission).
 */
record RateSchedule(long startNanos, double perSecond) {

    RateSchedule {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
    }

    long intendedStart(long index) {
        return startNanos + Math.round(index * (1e9 / perSecond));
    }

    /** How many requests are due by {@code nanos} (those with an intended start at or before it). */
    long dueBy(long nanos) {
        if (nanos < startNanos) {
            return 0;
        }
        return (long) Math.floor((nanos - startNanos) * perSecond / 1e9) + 1;
    }

    /** The number of requests in {@code seconds} of this schedule. */
    long count(double seconds) {
        return Math.round(seconds * perSecond);
    }
}
