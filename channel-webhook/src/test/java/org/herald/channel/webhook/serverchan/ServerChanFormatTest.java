package org.herald.channel.webhook.serverchan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.channel.webhook.notify.NotifyFixtures.body;
import static org.herald.channel.webhook.notify.NotifyFixtures.rendered;
import static org.herald.channel.webhook.notify.NotifyFixtures.request;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.Headers;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.channel.webhook.notify.NotifyFixtures;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.outbound.OutboundResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ServerChanFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenedTarget TARGET =
            new OpenedTarget("https://sctapi.ftqq.com/SCT1234TabcdEFGH.send", null, Map.of());

    private final ServerChanFormat format = new ServerChanFormat();

    @Test
    void shouldPostTitleAndDespAsJsonForATxtMessage() {
        DeliveryRequested delivery = request("SERVERCHAN", "磁盘告警", "line1\n\"line2\"", "txt");
        WebhookRequest request = format.prepare(delivery, TARGET);

        assertThat(body(request)).isEqualTo("{\"title\":\"磁盘告警\",\"desp\":\"line1\\n\\\"line2\\\"\"}");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.url()).isEqualTo(TARGET.address());
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.headers()).containsExactly(Map.entry("Idempotency-Key", delivery.deliveryId()));
    }

    @Test
    void shouldSendTheRenderedMarkdownOfEveryTemplateAsDesp() {
        for (String template : NotifyFixtures.TEMPLATES) {
            WebhookRequest request =
                    format.prepare(request("SERVERCHAN", "t", NotifyFixtures.RICH_CONTENT, template), TARGET);

            assertThat(body(request))
                    .as(template)
                    .isEqualTo("{\"title\":\"t\",\"desp\":"
                            + JSON.writeValueAsString(rendered(template, "t", NotifyFixtures.RICH_CONTENT)
                                    .markdown())
                            + "}");
        }
    }

    @Test
    void shouldCutTheTitleTo32CharactersAndUseTheFirstLineWhenThereIsNone() {
        WebhookRequest longTitle = format.prepare(request("SERVERCHAN", "x".repeat(40), "c", "txt"), TARGET);
        WebhookRequest noTitle = format.prepare(request("SERVERCHAN", "", "first line\nsecond", "txt"), TARGET);

        assertThat(JSON.readTree(longTitle.body()).path("title").asString())
                .hasSize(32)
                .endsWith("…");
        assertThat(JSON.readTree(noTitle.body()).path("title").asString()).isEqualTo("first line");
    }

    @Test
    void shouldCutDespTo32KilobytesOfUtf8() {
        WebhookRequest request = format.prepare(request("SERVERCHAN", "t", "磁".repeat(20_000), "txt"), TARGET);

        String desp = JSON.readTree(request.body()).path("desp").asString();
        assertThat(desp.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(32 * 1024);
        assertThat(desp).endsWith("…");
    }

    @Test
    void shouldCountOnlyCodeZeroAsDelivered() {
        assertThat(format.judge(answer(200, "{\"code\":0,\"message\":\"\",\"data\":{}}")))
                .isEqualTo(Verdict.delivered());
        assertThat(format.judge(answer(200, "{\"code\":40001,\"message\":\"bad pushkey\"}")))
                .isEqualTo(Verdict.permanent("ServerChan code 40001: bad pushkey"));
        assertThat(format.judge(answer(200, "<html>ok</html>")).kind()).isEqualTo(Verdict.Kind.PERMANENT);
        assertThat(format.judge(answer(502, "")).kind()).isEqualTo(Verdict.Kind.RETRY);
    }

    private static OutboundResponse answer(int status, String body) {
        return new OutboundResponse(status, Headers.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
