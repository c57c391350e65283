package org.herald.callback.sending;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retry the attempt schedule
 * @param disableAfter an account endpoint failing without a success for longer is disabled
 * @param breaker the circuit breaker each endpoint gets
 * @param poller how often due retries are looked for, and how many at most per look
 */
@ConfigurationProperties("herald.callback")
public record CallbackProperties(Retry retry, Duration disableAfter, Breaker breaker, Poller poller) {

    /**
     * @param schedule the delay before each attempt, the first included (Svix: 0s,5s,5m,30m,2h,5h,10h,10h)
     * @param jitter each delay is spread by ± this fraction
     * @param maxRetryAfter the longest {@code Retry-After} honoured
     */
    public record Retry(List<Duration> schedule, double jitter, Duration maxRetryAfter) {}

    /**
     * @param slidingWindow how many recent calls the failure rate is taken over
     * @param minimumCalls calls needed before the breaker may open
     * @param failureRateThreshold percentage of failed calls that opens it
     * @param openFor how long it stays open before letting a probe through
     */
    public record Breaker(int slidingWindow, int minimumCalls, float failureRateThreshold, Duration openFor) {}

    public record Poller(Duration interval, int batch, int threads) {}
}
