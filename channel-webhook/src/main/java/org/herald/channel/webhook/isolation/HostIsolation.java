package org.herald.channel.webhook.isolation;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A circuit breaker and a bulkhead per target host (resilience4j), so a dead host is not called
 * again and again, and a slow one cannot hold every delivery thread while other hosts wait.
 */
public final class HostIsolation {

    /** Whether a call to a host may go ahead now. */
    public sealed interface Admission permits Admitted, Busy, Open {}

    /** Too many calls to that host in flight: try again shortly, nothing was sent. */
    public record Busy(String host) implements Admission {}

    /** The host failed too often lately: its circuit is open. */
    public record Open(String host) implements Admission {}

    /** Go ahead; report how the call went with {@link #succeeded} or {@link #failed}, exactly once. */
    public static final class Admitted implements Admission {
        private final CircuitBreaker breaker;
        private final Bulkhead bulkhead;
        private final long start = System.nanoTime();

        Admitted(CircuitBreaker breaker, Bulkhead bulkhead) {
            this.breaker = breaker;
            this.bulkhead = bulkhead;
        }

        /** The host answered (whatever its answer meant for the delivery). */
        public void succeeded() {
            bulkhead.onComplete();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }

        /** No usable answer: network error, timeout, 5xx. */
        public void failed(Throwable why) {
            bulkhead.onComplete();
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, why);
        }
    }

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;

    public HostIsolation(IsolationProperties properties) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .minimumNumberOfCalls(properties.minimumCalls())
                .slidingWindowSize(properties.windowSize())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentPerHost())
                .maxWaitDuration(properties.maxWaitForPermit())
                .build());
    }

    /** Asks to call {@code url}'s host; a Busy or Open answer holds no permit. */
    public Admission admit(String url) {
        String host = host(url);
        CircuitBreaker breaker = breakers.circuitBreaker(host);
        if (!breaker.tryAcquirePermission()) {
            return new Open(host);
        }
        Bulkhead bulkhead = bulkheads.bulkhead(host);
        if (!bulkhead.tryAcquirePermission()) {
            // The breaker's permission is handed back unused, so a half-open probe is not lost.
            breaker.releasePermission();
            return new Busy(host);
        }
        return new Admitted(breaker, bulkhead);
    }

    /** The breaker state of a host, for tests and health. */
    public CircuitBreaker.State state(String url) {
        return breakers.circuitBreaker(host(url)).getState();
    }

    /** host:port, the unit that fails together; never the path, which carries robot keys. */
    static String host(String url) {
        try {
            URI uri = URI.create(url);
            String host = uri.getHost() == null ? "unknown" : uri.getHost().toLowerCase(Locale.ROOT);
            return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }
}
