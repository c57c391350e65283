package org.herald.benchmarks;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One run of one target at one rate: counts and accept latencies (microseconds, from the intended
 * start) of the measured window, and the totals including warm-up.
 */
record RunResult(
        String name,
        double targetRate,
        double seconds,
        long ok,
        long errors,
        long totalOk,
        long totalErrors,
        Histogram latencyMicros,
        Map<String, Long> errorKinds,
        long longestAcceptStallMillis,
        long measureStartNanos,
        long endNanos) {

    double achievedRate() {
        return ok / seconds;
    }

    double errorRatio() {
        long all = ok + errors;
        return all == 0 ? 0 : (double) errors / all;
    }

    double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0
                ? Double.NaN
                : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
    }
}
