package org.herald.callback.sending;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.Headers;
import org.herald.outbound.OutboundResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptVerdictTest {

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
        "200, DELIVERED",
        "204, DELIVERED",
        "301, RETRY",
        "400, RETRY",
        "404, RETRY",
        "410, PERMANENT",
        "429, RETRY",
        "500, RETRY",
        "502, RETRY",
        "504, RETRY"
    })
    void shouldFollowTheStandardWebhooksOutcomes(int status, AttemptVerdict.Kind kind) {
        assertThat(AttemptVerdict.of(new OutboundResponse(status, Headers.of(), new byte[0]))
                        .kind())
                .isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"500", "429", "400"})
    void shouldStopWhenTheReceiverAsksToAbortTheMessage(int status) {
        OutboundResponse response =
                new OutboundResponse(status, Headers.of("webhook-delivery", "abort-message"), new byte[0]);

        assertThat(AttemptVerdict.of(response).kind()).isEqualTo(AttemptVerdict.Kind.PERMANENT);
    }
}
