package org.herald.channel.webhook.delivery;

import java.math.BigInteger;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.herald.transport.retry.RetrySchedule;

/**
 * When the next attempt on a retry topic may start: the schedule's exponential delay with jitter
 * (so deliveries that failed together against one host do not come back together), never earlier
 * than the target asked ({@code Retry-After}, Telegram's {@code retry_after}).
 */
final class RetryBackoff {

    private final RetrySchedule schedule;
    private final double jitter;
    private final DoubleSupplier random;

    /**
     * @param jitter the delay is spread over ±{@code jitter} of itself (0.2: 80 % to 120 %)
     * @param random uniform in [0, 1)
     */
    RetryBackoff(RetrySchedule schedule, double jitter, DoubleSupplier random) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("retry jitter must be in [0, 1), was " + jitter);
        }
        this.schedule = schedule;
        this.jitter = jitter;
        this.random = random;
    }

    /**
     * @param failedAttempt the attempt that just failed, 1 for the first
     * @param notBefore what the target asked for, or null
     */
    Instant nextAttemptAt(int failedAttempt, Instant failedAt, Instant notBefore) {
        double delay = schedule.initialDelay().toMillis() * Math.pow(schedule.multiplier(), failedAttempt - 1);
        delay = Math.min(delay, schedule.maxDelay().toMillis());
        double spread = 1 - jitter + 2 * jitter * random.getAsDouble();
        Instant scheduled = failedAt.plusMillis(Math.round(delay * spread));
        return notBefore != null && notBefore.isAfter(scheduled) ? notBefore : scheduled;
    }

    /** The value spring-kafka reads from {@code retry_topic-backoff-timestamp}. */
    static byte[] header(Instant at) {
        return BigInteger.valueOf(at.toEpochMilli()).toByteArray();
    }
}
