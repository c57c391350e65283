package org.herald.transport.retry;

import java.time.Duration;

/**
 * Non-blocking retries through retry topics: attempt 1 on the event's own topic, then one retry
 * topic per further attempt, waiting {@code initialDelay}, then {@code multiplier} times longer each
 * time, at most {@code maxDelay}.
 *
 * @param attempts attempts in all, the first included
 */
public record RetrySchedule(int attempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    public RetrySchedule {
        if (attempts < 1) {
            throw new IllegalArgumentException("retry attempts must be at least 1, was " + attempts);
        }
    }
}
