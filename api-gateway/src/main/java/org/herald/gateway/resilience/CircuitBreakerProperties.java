package org.herald.gateway.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a route's circuit breaker opens and how it recovers. It opens when at least
 * {@code minimumCalls} of the last {@code slidingWindowSize} calls were seen and {@code failureRatePercent}
 * of them failed; after {@code waitInOpenState} it lets {@code halfOpenCalls} trial calls through by
 * itself, so a backend that is back needs no operator.
 */
@ConfigurationProperties("herald.gateway.circuit-breaker")
public record CircuitBreakerProperties(
        float failureRatePercent,
        int slidingWindowSize,
        int minimumCalls,
        Duration waitInOpenState,
        int halfOpenCalls) {}
