package org.herald.benchmarks;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * What the receiver saw: every arrival by delivery id (the {@code Idempotency-Key}) and the first
 * arrival of each message (by shortCode). Held up against what the load generator was told was
 * accepted, it gives the lost, the duplicated and the end-to-end latency.
 */
final class DeliveryLedger {

    private final Map<String, AtomicInteger> byDeliveryId = new ConcurrentHashMap<>();
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final Map<String, Long> accepted = new ConcurrentHashMap<>();
    private long[] arrivals = new long[1 << 16];
    private int arrivalCount;

    /** A delivery arrived at {@code nanos}; the delivery id may be missing (counted by shortCode only). */
    void arrived(String deliveryId, String shortCode, long nanos) {
        if (deliveryId != null) {
            byDeliveryId.computeIfAbsent(deliveryId, id -> new AtomicInteger()).incrementAndGet();
        }
        if (shortCode != null) {
            firstArrival.putIfAbsent(shortCode, nanos);
        }
        synchronized (this) {
            if (arrivalCount == arrivals.length) {
                arrivals = Arrays.copyOf(arrivals, arrivals.length * 2);
            }
            arrivals[arrivalCount++] = nanos;
        }
    }

    /** Herald acknowledged message {@code shortCode}; the request behind it was due at {@code intendedStart}. */
    void accepted(String shortCode, long intendedStartNanos) {
        if (shortCode != null) {
            accepted.put(shortCode, intendedStartNanos);
        }
    }

    int acceptedCount() {
        return accepted.size();
    }

    /** How many accepted messages have arrived at least once. */
    long acceptedArrived() {
        return accepted.keySet().stream().filter(firstArrival::containsKey).count();
    }

    synchronized int arrivalCount() {
        return arrivalCount;
    }

    /** Arrivals with {@code from <= t < to}. */
    synchronized long arrivalsBetween(long fromNanos, long toNanos) {
        long count = 0;
        for (int i = 0; i < arrivalCount; i++) {
            if (arrivals[i] >= fromNanos && arrivals[i] < toNanos) {
                count++;
            }
        }
        return count;
    }

    /**
     * Arrivals per second between the {@code from}-th and the {@code to}-th share of {@code expected}
     * arrivals (e.g. 0.1 and 0.9) after the first {@code earlier} ones (a warm-up over before these
     * began): the steady rate of a drain, without its start-up and its tail. NaN while fewer than
     * {@code to × expected} have arrived.
     */
    synchronized double steadyRate(int earlier, long expected, double from, double to) {
        int first = earlier + (int) (expected * from);
        int last = earlier + (int) (expected * to) - 1;
        if (last >= arrivalCount || last <= first) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(arrivals, arrivalCount);
        Arrays.sort(sorted);
        return (last - first) / ((sorted[last] - sorted[first]) / 1e9);
    }

    /**
     * Accepted → first arrival, microseconds, for each accepted message that arrived and whose request
     * was due at or after {@code fromIntendedNanos} (warm-up messages left out).
     */
    Histogram endToEndMicros(long fromIntendedNanos) {
        Histogram histogram = new Histogram(3);
        forEachArrived(
                fromIntendedNanos,
                (shortCode, intended, arrival) -> histogram.recordValue(Math.max(1, (arrival - intended) / 1000)));
        return histogram;
    }

    /** An accepted message that arrived: when its send was due and when it first arrived. */
    @FunctionalInterface
    interface ArrivedMessage {
        void accept(String shortCode, long intendedStartNanos, long firstArrivalNanos);
    }

    /** Every accepted message due at or after {@code fromIntendedNanos} that arrived. */
    void forEachArrived(long fromIntendedNanos, ArrivedMessage action) {
        accepted.forEach((shortCode, intended) -> {
            Long arrival = firstArrival.get(shortCode);
            if (arrival != null && intended >= fromIntendedNanos) {
                action.accept(shortCode, intended, arrival);
            }
        });
    }

    Tally tally() {
        long lost = accepted.keySet().stream()
                .filter(code -> !firstArrival.containsKey(code))
                .count();
        long duplicates = byDeliveryId.values().stream()
                .mapToLong(count -> count.get() - 1)
                .sum();
        long unacknowledgedDelivered = firstArrival.keySet().stream()
                .filter(code -> !accepted.containsKey(code))
                .count();
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(arrivals, arrivalCount);
        }
        Arrays.sort(sorted);
        long longestGap = 0;
        for (int i = 1; i < sorted.length; i++) {
            longestGap = Math.max(longestGap, sorted[i] - sorted[i - 1]);
        }
        return new Tally(
                accepted.size(),
                sorted.length,
                byDeliveryId.size(),
                lost,
                duplicates,
                unacknowledgedDelivered,
                longestGap / 1_000_000);
    }

    /**
     * @param accepted messages Herald acknowledged
     * @param arrivals requests the receiver answered, retries included
     * @param deliveryIds distinct delivery ids seen
     * @param lost accepted but never arrived
     * @param duplicates arrivals beyond the first of each delivery id
     * @param unacknowledgedDelivered arrived though the sender was never told they were accepted (the
     *     answer was lost in a crash): not a loss, a retrying client would send them twice
     * @param longestStallMillis the longest time between two consecutive arrivals
     */
    record Tally(
            long accepted,
            long arrivals,
            long deliveryIds,
            long lost,
            long duplicates,
            long unacknowledgedDelivered,
            long longestStallMillis) {

        double duplicateRatio() {
            return accepted == 0 ? 0 : (double) duplicates / accepted;
        }
    }
}
