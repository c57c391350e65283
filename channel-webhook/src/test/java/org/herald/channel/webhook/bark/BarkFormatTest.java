package org.herald.channel.webhook.bark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.channel.webhook.notify.NotifyFixtures.PAGE_URL;
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
import org.herald.outbound.OutboundResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BarkFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BarkFormat format = new BarkFormat();

    @Test
    void shouldPostTitleBodyLinkAndIconToTheDeviceUrl() {
        WebhookRequest request = format.prepare(
                request("BARK", "磁盘告警", "95%\nused", "txt"),
                new OpenedTarget(
                        "https://api.day.app/AbCdEfGhIjKlMnOpQrStUv/?group=ops",
                        null,
                        Map.of("icon", "https://h/i.png")));

        assertThat(body(request))
                .isEqualTo("{\"title\":\"磁盘告警\",\"body\":\"95%\\nused\",\"url\":\"" + PAGE_URL
                        + "\",\"icon\":\"https://h/i.png\"}");
        assertThat(request.url()).isEqualTo("https://api.day.app/AbCdEfGhIjKlMnOpQrStUv?group=ops");
        assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void shouldSendThePlainTextOfEveryTemplate() {
        OpenedTarget target = new OpenedTarget("https://api.day.app/AbCdEfGhIjKlMnOpQrStUv", null, Map.of());
        for (String template : NotifyFixtures.TEMPLATES) {
            WebhookRequest request =
                    format.prepare(request("BARK", "t", NotifyFixtures.RICH_CONTENT, template), target);

            assertThat(JSON.readTree(request.body()).path("body").asString())
                    .as(template)
                    .isEqualTo(
                            rendered(template, "t", NotifyFixtures.RICH_CONTENT).plainText());
        }
    }

    @Test
    void shouldCutTheBodyToFitAPushNotification() {
        WebhookRequest request = format.prepare(
                request("BARK", "t", "磁".repeat(5000), "txt"),
                new OpenedTarget("https://api.day.app/AbCdEfGhIjKlMnOpQrStUv", null, Map.of()));

        assertThat(JSON.readTree(request.body()).path("body").asString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(BarkFormat.BODY_MAX_BYTES);
    }

    @Test
    void shouldCountOnlyCode200AsDelivered() {
        assertThat(format.judge(answer(200, "{\"code\":200,\"message\":\"success\",\"timestamp\":1}")))
                .isEqualTo(Verdict.delivered());
        assertThat(format.judge(
                        answer(400, "{\"code\":400,\"message\":\"failed to get device token\",\"timestamp\":1}")))
                .isEqualTo(Verdict.permanent("Bark code 400: failed to get device token"));
        assertThat(format.judge(answer(500, "{\"code\":500,\"message\":\"push failed\"}"))
                        .kind())
                .isEqualTo(Verdict.Kind.RETRY);
        assertThat(format.judge(answer(200, "ok")).kind()).isEqualTo(Verdict.Kind.PERMANENT);
    }

    private static OutboundResponse answer(int status, String body) {
        return new OutboundResponse(status, Headers.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
