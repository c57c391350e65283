package org.herald.callback.sending;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * When the next attempt of a callback is due: the schedule lists the delay before each attempt
 * (the first usually zero), each delay spread by ±{@code jitter} so many callbacks failing together
 * do not come back together. A receiver's {@code Retry-After} wins when it asks for longer, up to
 * {@code maxRetryAfter}.
 */
public final class RetryPlan {

    private final List<Duration> schedule;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    public RetryPlan(List<Duration> schedule, double jitter, Duration maxRetryAfter, DoubleSupplier random) {
        if (schedule == null || schedule.isEmpty()) {
            throw new IllegalArgumentException("herald.callback.retry.schedule needs at least one entry");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("herald.callback.retry.jitter must be in [0, 1), was " + jitter);
        }
        this.schedule = List.copyOf(schedule);
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    /** Attempts in all, the first included. */
    public int attempts() {
        return schedule.size();
    }

    /**
     * The wait before attempt {@code failedAttempt + 1}.
     *
     * @param retryAfter the receiver's {@code Retry-After}, or null
     */
    public Duration delayAfter(int failedAttempt, Duration retryAfter) {
        Duration scheduled = schedule.get(Math.min(failedAttempt, schedule.size() - 1));
        long millis = scheduled.toMillis();
        long jittered = Math.round(millis * (1 + jitter * (2 * random.getAsDouble() - 1)));
        Duration delay = Duration.ofMillis(Math.max(0, jittered));
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
            if (asked.compareTo(delay) > 0) {
                return asked;
            }
        }
        return delay;
    }
}
