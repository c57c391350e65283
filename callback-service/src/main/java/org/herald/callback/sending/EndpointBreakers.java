package org.herald.callback.sending;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * One circuit breaker per receiving endpoint (host and path; the query may hold a key and is left
 * out). An open breaker postpones a callback without spending one of its attempts: a receiver that
 * is down gets probes, not every queued callback hammering it.
 */
public final class EndpointBreakers {

    private final CircuitBreakerRegistry registry;
    private final Duration openFor;

    public EndpointBreakers(CallbackProperties.Breaker settings) {
        this.openFor = settings.openFor();
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    public CircuitBreaker of(String url) {
        return registry.circuitBreaker(key(url));
    }

    /** How long a postponed callback waits for the breaker. */
    public Duration openFor() {
        return openFor;
    }

    static String key(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        if (parsed == null) {
            return "unparseable";
        }
        return parsed.scheme() + "://" + parsed.host() + ":" + parsed.port() + parsed.encodedPath();
    }
}
