package org.herald.callback.sending;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EndpointBreakersTest {

    private final EndpointBreakers breakers =
            new EndpointBreakers(new CallbackProperties.Breaker(10, 5, 50, Duration.ofSeconds(60)));

    @Test
    void shouldShareOneBreakerPerEndpointWhateverTheQuery() {
        assertThat(breakers.of("https://example.com/cb?key=a")).isSameAs(breakers.of("https://example.com/cb?key=b"));
        assertThat(breakers.of("https://example.com/cb")).isNotSameAs(breakers.of("https://example.com/other"));
        assertThat(EndpointBreakers.key("https://example.com/cb?key=secret")).doesNotContain("secret");
    }

    @Test
    void shouldOpenAfterEnoughFailuresAndRefuseFurtherCalls() {
        CircuitBreaker breaker = breakers.of("https://down.example.com/cb");

        for (int i = 0; i < 5; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            breaker.onError(1, TimeUnit.MILLISECONDS, new RuntimeException("HTTP 503"));
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquirePermission()).isFalse();
        assertThat(breakers.of("https://up.example.com/cb").tryAcquirePermission())
                .isTrue();
    }
}
