package org.herald.channel.webhook.ifttt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.channel.webhook.notify.NotifyFixtures.PAGE_URL;
import static org.herald.channel.webhook.notify.NotifyFixtures.SHORT_CODE;
import static org.herald.channel.webhook.notify.NotifyFixtures.body;
import static org.herald.channel.webhook.notify.NotifyFixtures.rendered;
import static org.herald.channel.webhook.notify.NotifyFixtures.request;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import okhttp3.Headers;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.channel.webhook.notify.NotifyFixtures;
import org.herald.outbound.OutboundResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IftttFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenedTarget CLASSIC =
            new OpenedTarget("https://maker.ifttt.com/trigger/disk/with/key/abcdefghijklmnopqrstuv", null, Map.of());
    private static final OpenedTarget JSON_TRIGGER = new OpenedTarget(
            "https://maker.ifttt.com/trigger/disk/json/with/key/abcdefghijklmnopqrstuv", null, Map.of());

    private final IftttFormat format = new IftttFormat();

    @Test
    void shouldFillValue1TitleValue2ContentValue3PageLink() {
        WebhookRequest request = format.prepare(request("IFTTT", "磁盘告警", "95% \"used\"", "txt"), CLASSIC);

        assertThat(body(request))
                .isEqualTo("{\"value1\":\"磁盘告警\",\"value2\":\"95% \\\"used\\\"\",\"value3\":\"" + PAGE_URL + "\"}");
        assertThat(request.url()).isEqualTo(CLASSIC.address());
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.headers()).containsKey("Idempotency-Key");
    }

    @Test
    void shouldSendTheFieldsAsOneJsonObjectToTheJsonTrigger() {
        WebhookRequest request = format.prepare(request("IFTTT", "t", "c", "txt"), JSON_TRIGGER);

        assertThat(body(request))
                .isEqualTo("{\"title\":\"t\",\"content\":\"c\",\"url\":\"" + PAGE_URL + "\",\"shortCode\":\""
                        + SHORT_CODE + "\"}");
    }

    @Test
    void shouldSendThePlainTextOfEveryTemplateAsValue2() {
        for (String template : NotifyFixtures.TEMPLATES) {
            WebhookRequest request =
                    format.prepare(request("IFTTT", "t", NotifyFixtures.RICH_CONTENT, template), CLASSIC);

            assertThat(JSON.readTree(request.body()).path("value2").asString())
                    .as(template)
                    .isEqualTo(
                            rendered(template, "t", NotifyFixtures.RICH_CONTENT).plainText());
        }
    }

    @Test
    void shouldReadIftttsStatusAndErrorMessage() {
        assertThat(format.judge(answer(200, Headers.of(), "Congratulations! You've fired the disk event")))
                .isEqualTo(Verdict.delivered());
        assertThat(format.judge(answer(401, Headers.of(), "{\"errors\":[{\"message\":\"You sent an invalid key.\"}]}")))
                .isEqualTo(Verdict.permanent("IFTTT answered HTTP 401: You sent an invalid key."));
        assertThat(format.judge(answer(429, Headers.of("Retry-After", "30"), ""))
                        .retryAfter())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(format.judge(answer(500, Headers.of(), "")).kind()).isEqualTo(Verdict.Kind.RETRY);
    }

    private static OutboundResponse answer(int status, Headers headers, String body) {
        return new OutboundResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
