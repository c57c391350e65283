package org.herald.callback.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.herald.outbound.OutboundResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptVerdictTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
        "200, DELIVERED",
        "204, DELIVERED",
        "301, RETRY",
        "302, RETRY",
        "400, RETRY",
        "404, RETRY",
        "410, GONE",
        "429, RETRY",
        "500, RETRY",
        "502, RETRY",
        "503, RETRY",
        "504, RETRY"
    })
    void shouldFollowTheStandardWebhooksOutcomes(int status, AttemptVerdict.Kind kind) {
        assertThat(AttemptVerdict.of(new OutboundResponse(status, Headers.of(), new byte[0]), NOW)
                        .kind())
                .isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"500", "429", "400"})
    void shouldStopWhenTheReceiverAsksToAbortTheMessage(int status) {
        OutboundResponse response =
                new OutboundResponse(status, Headers.of("webhook-delivery", "abort-message"), new byte[0]);

        assertThat(AttemptVerdict.of(response, NOW).kind()).isEqualTo(AttemptVerdict.Kind.PERMANENT);
    }

    @ParameterizedTest
    @CsvSource({"429", "503"})
    void shouldReadRetryAfterInSecondsOrAsAnHttpDate(int status) {
        assertThat(AttemptVerdict.of(new OutboundResponse(status, Headers.of("Retry-After", "120"), new byte[0]), NOW)
                        .retryAfter())
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(AttemptVerdict.of(
                                new OutboundResponse(
                                        status,
                                        Headers.of("Retry-After", "Sun, 01 Mar 2026 08:10:00 GMT"),
                                        new byte[0]),
                                NOW)
                        .retryAfter())
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void shouldIgnoreRetryAfterItCannotReadOrOnOtherStatuses() {
        assertThat(AttemptVerdict.of(new OutboundResponse(429, Headers.of("Retry-After", "soon"), new byte[0]), NOW)
                        .retryAfter())
                .isNull();
        assertThat(AttemptVerdict.of(new OutboundResponse(500, Headers.of("Retry-After", "60"), new byte[0]), NOW)
                        .retryAfter())
                .isNull();
    }
}
