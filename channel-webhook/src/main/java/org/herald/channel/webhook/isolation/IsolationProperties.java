package org.herald.channel.webhook.isolation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per target host: how many calls may run at once, and when its circuit opens.
 *
 * @param maxConcurrentPerHost calls in flight to one host at a time, across this instance's threads
 * @param maxWaitForPermit how long a call waits for one of those before it is handed to the delay
 *     topic (not counted as an attempt: nothing was sent)
 * @param failureRateThreshold percentage of failed calls (network errors, timeouts, 5xx) that opens
 *     the circuit
 * @param minimumCalls calls in the window before the rate counts
 * @param windowSize calls the failure rate is computed over
 * @param openFor how long an open circuit refuses calls before letting a few through
 */
@ConfigurationProperties("herald.webhook.isolation")
public record IsolationProperties(
        @DefaultValue("10") int maxConcurrentPerHost,
        @DefaultValue("2s") Duration maxWaitForPermit,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10") int minimumCalls,
        @DefaultValue("20") int windowSize,
        @DefaultValue("30s") Duration openFor) {}
