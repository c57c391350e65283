package org.herald.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Find-the-ceiling mode: run at rising rates until a step breaks a threshold (too many errors, p99
 * too high, or the target cannot keep up with the schedule). The ceiling is the best accepted rate of
 * the steps that held.
 */
final class Ceiling {

    /** A step holds when at most 1 % errors, p99 within the limit, and ≥ 95 % of the rate accepted. */
    record Limits(double maxErrorRatio, double maxP99Millis, double minAchievedRatio) {

        boolean holds(RunResult step) {
            return step.errorRatio() <= maxErrorRatio
                    && step.percentileMillis(99) <= maxP99Millis
                    && step.achievedRate() >= minAchievedRatio * step.targetRate();
        }

        String why(RunResult step) {
            if (step.errorRatio() > maxErrorRatio) {
                return String.format(java.util.Locale.ROOT, "%.1f %% errors", 100 * step.errorRatio());
            }
            if (!(step.percentileMillis(99) <= maxP99Millis)) {
                return String.format(
                        java.util.Locale.ROOT, "p99 %.0f ms > %.0f ms", step.percentileMillis(99), maxP99Millis);
            }
            return String.format(java.util.Locale.ROOT, "kept up with only %.0f/s", step.achievedRate());
        }
    }

    /** The steps run and the ceiling found (NaN when even the first step broke a limit). */
    record Result(String name, List<RunResult> steps, double ceilingPerSecond, String stoppedBecause) {}

    private Ceiling() {}

    /** The rates to try: {@code start}, then up by {@code step} until {@code max}. */
    static List<Double> rates(double start, double step, double max) {
        List<Double> rates = new ArrayList<>();
        for (double rate = start; rate <= max + 1e-9; rate += step) {
            rates.add(rate);
        }
        return rates;
    }

    static Result find(String name, List<Double> rates, Limits limits, DoubleFunction<RunResult> runAt) {
        List<RunResult> steps = new ArrayList<>();
        double ceiling = Double.NaN;
        String stopped = "reached the highest step";
        for (double rate : rates) {
            RunResult step = runAt.apply(rate);
            steps.add(step);
            if (!limits.holds(step)) {
                stopped = "at " + Math.round(rate) + "/s: " + limits.why(step);
                break;
            }
            ceiling = Double.isNaN(ceiling) ? step.achievedRate() : Math.max(ceiling, step.achievedRate());
        }
        return new Result(name, steps, ceiling, stopped);
    }
}
