package org.herald.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.herald.gateway.error.Envelope;
import org.herald.gateway.error.ErrorAnswer;
import org.herald.gateway.limit.BodyTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class ErrorAnswerTest {

    private static final Envelope BUSY = new Envelope(500, "服务繁忙，请稍后重试", null);

    @Test
    void shouldAnswer503BusyWhenTheBackendRefusesOrIsUnknownOrSlowToConnect() {
        for (Throwable unreachable : new Throwable[] {
            new ConnectException("Connection refused"),
            new RuntimeException(new UnknownHostException("ingest-service")),
            new ConnectTimeoutException("connection timed out")
        }) {
            ErrorAnswer answer = ErrorAnswer.of("POST", "/send", unreachable);

            assertThat(answer.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.body()).isEqualTo(BUSY);
        }
    }

    @Test
    void shouldAnswerBusyWithTheGatewayTimeoutStatusWhenTheBackendIsTooSlow() {
        ErrorAnswer answer =
                ErrorAnswer.of("POST", "/send", new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "timeout"));

        assertThat(answer.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(answer.body()).isEqualTo(BUSY);
    }

    @Test
    void shouldNameThePathOfAnUnknownInterface() {
        ErrorAnswer answer = ErrorAnswer.of("GET", "/nope", new ResponseStatusException(HttpStatus.NOT_FOUND));

        assertThat(answer.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.body()).isEqualTo(new Envelope(404, "接口不存在: /nope", null));
    }

    @Test
    void shouldNotLeakDetailsOfAnUnexpectedFailure() {
        ErrorAnswer answer = ErrorAnswer.of("GET", "/send", new IllegalStateException("secret detail"));

        assertThat(answer.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.body()).isEqualTo(BUSY);
    }

    @Test
    void shouldAnswerBusyFromTheFallbackWithTheTimeoutStatusOnlyWhenTheBackendWasTooSlow() {
        assertThat(ErrorAnswer.busy(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "timeout")))
                .isEqualTo(new ErrorAnswer(HttpStatus.GATEWAY_TIMEOUT, BUSY));
        assertThat(ErrorAnswer.busy(new RuntimeException(new java.util.concurrent.TimeoutException())))
                .isEqualTo(new ErrorAnswer(HttpStatus.GATEWAY_TIMEOUT, BUSY));
        assertThat(ErrorAnswer.busy(new ConnectException("Connection refused")))
                .isEqualTo(new ErrorAnswer(HttpStatus.SERVICE_UNAVAILABLE, BUSY));
        assertThat(ErrorAnswer.busy(null)).isEqualTo(new ErrorAnswer(HttpStatus.SERVICE_UNAVAILABLE, BUSY));
    }

    @Test
    void shouldNameTheLimitOfATooLargeBody() {
        ErrorAnswer answer = ErrorAnswer.of("POST", "/send", new BodyTooLargeException(1048576));

        assertThat(answer.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(answer.body()).isEqualTo(new Envelope(999, "请求体过大，最大1048576字节", null));
    }
}
