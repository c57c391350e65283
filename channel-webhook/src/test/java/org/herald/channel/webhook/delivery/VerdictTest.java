package org.herald.channel.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictTest {

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
        "200, DELIVERED",
        "201, DELIVERED",
        "299, DELIVERED",
        "301, PERMANENT",
        "302, PERMANENT",
        "400, PERMANENT",
        "401, PERMANENT",
        "404, PERMANENT",
        "408, RETRY",
        "410, PERMANENT",
        "429, RETRY",
        "500, RETRY",
        "502, RETRY",
        "503, RETRY",
        "504, RETRY"
    })
    void shouldClassifyAnAnswerByItsHttpStatus(int status, Verdict.Kind kind) {
        assertThat(Verdict.byHttpStatus(status).kind()).isEqualTo(kind);
    }
}
