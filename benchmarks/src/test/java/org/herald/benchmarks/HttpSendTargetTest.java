package org.herald.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpSendTargetTest {

    @Test
    void shouldTakeTheShortCodeOfAnAcceptedSend() {
        LoadGenerator.Outcome outcome = HttpSendTarget.judge(
                new HttpConnection.Response(200, "{\"code\":200,\"msg\":\"请求成功\",\"data\":\"abc123\"}"));

        assertThat(outcome).isEqualTo(LoadGenerator.Outcome.ok("abc123"));
    }

    @Test
    void shouldCountAPushplusErrorCodeAsNotAccepted() {
        LoadGenerator.Outcome outcome = HttpSendTarget.judge(
                new HttpConnection.Response(200, "{\"code\":500,\"msg\":\"系统繁忙，请稍后重试\",\"data\":null}"));

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.error()).isEqualTo("code 500");
    }

    @Test
    void shouldReadTheShortCodeOfAHiflowBody() {
        assertThat(Receiver.shortCodeOf(
                        "{\"title\":\"t\",\"content\":\"c\",\"icon\":\"\",\"url\":\"u\",\"shortCode\":\"s1\"}"))
                .isEqualTo("s1");
    }
}
