package org.herald.channel.webhook.delivery;

import java.time.Duration;
import org.herald.transport.retry.RetrySchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retry how transient failures are retried
 * @param deliveredTtl how long a delivered id is remembered, so a redelivered request is not posted
 *     again
 * @param statusPublishTimeout how long to wait for the broker to acknowledge a status event
 */
@ConfigurationProperties("herald.webhook")
public record WebhookProperties(
        @DefaultValue Retry retry,
        @DefaultValue("7d") Duration deliveredTtl,
        @DefaultValue("10s") Duration statusPublishTimeout) {

    /**
     * Non-blocking retries through retry topics: attempt 1 on the delivery topic, then one retry topic
     * per further attempt, waiting {@code initialDelay}, then {@code multiplier} times longer each
     * time, at most {@code maxDelay}.
     *
     * @param attempts attempts in all, the first included
     */
    public record Retry(
            @DefaultValue("4") int attempts,
            @DefaultValue("2s") Duration initialDelay,
            @DefaultValue("3.0") double multiplier,
            @DefaultValue("5m") Duration maxDelay) {

        public Retry {
            if (attempts < 1) {
                throw new IllegalArgumentException("herald.webhook.retry.attempts must be at least 1");
            }
        }

        public RetrySchedule schedule() {
            return new RetrySchedule(attempts, initialDelay, multiplier, maxDelay);
        }
    }
}
