package org.herald.callback.sending;

import java.time.Duration;
import org.herald.transport.retry.RetrySchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param retry how failed callbacks are retried */
@ConfigurationProperties("herald.callback")
public record CallbackProperties(@DefaultValue Retry retry) {

    /**
     * Non-blocking retries through retry topics: the first attempt on the event's topic, then one
     * retry topic per further attempt, waiting {@code initialDelay}, then {@code multiplier} times
     * longer each time, at most {@code maxDelay}.
     *
     * @param attempts attempts in all, the first included
     */
    public record Retry(
            @DefaultValue("5") int attempts,
            @DefaultValue("5s") Duration initialDelay,
            @DefaultValue("6.0") double multiplier,
            @DefaultValue("1h") Duration maxDelay) {

        public Retry {
            if (attempts < 1) {
                throw new IllegalArgumentException("herald.callback.retry.attempts must be at least 1");
            }
        }

        public RetrySchedule schedule() {
            return new RetrySchedule(attempts, initialDelay, multiplier, maxDelay);
        }
    }
}
