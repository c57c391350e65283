package org.herald.channel.webhook.gotify;

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

class GotifyFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenedTarget TARGET =
            new OpenedTarget("https://gotify.example/message?token=AbCdEfGhIjKlMnO", null, Map.of());

    private final GotifyFormat format = new GotifyFormat();

    @Test
    void shouldPostMarkdownWithAClickThroughToThePage() {
        WebhookRequest request = format.prepare(request("GOTIFY", "磁盘告警", "95% used", "txt"), TARGET);

        assertThat(body(request))
                .isEqualTo("{\"title\":\"磁盘告警\",\"message\":\"95% used\",\"extras\":{\"client::display\":"
                        + "{\"contentType\":\"text/markdown\"},\"client::notification\":{\"click\":{\"url\":\""
                        + PAGE_URL + "\"}}}}");
        assertThat(request.url()).isEqualTo(TARGET.address());
    }

    @Test
    void shouldSendTheMarkdownOfEveryTemplate() {
        for (String template : NotifyFixtures.TEMPLATES) {
            WebhookRequest request =
                    format.prepare(request("GOTIFY", "t", NotifyFixtures.RICH_CONTENT, template), TARGET);

            assertThat(JSON.readTree(request.body()).path("message").asString())
                    .as(template)
                    .isEqualTo(
                            rendered(template, "t", NotifyFixtures.RICH_CONTENT).markdown());
        }
    }

    @Test
    void shouldSendTheTitleAsMessageWhenThereIsNoContent() {
        WebhookRequest request = format.prepare(request("GOTIFY", "only a title", "", "txt"), TARGET);

        assertThat(JSON.readTree(request.body()).path("message").asString()).isEqualTo("only a title");
    }

    @Test
    void shouldCountOnlyACreatedMessageAsDelivered() {
        assertThat(format.judge(answer(200, "{\"id\":7,\"appid\":1,\"message\":\"m\"}")))
                .isEqualTo(Verdict.delivered());
        assertThat(format.judge(answer(200, "<html>login</html>")).kind()).isEqualTo(Verdict.Kind.PERMANENT);
        assertThat(
                        format.judge(
                                answer(
                                        401,
                                        "{\"error\":\"Unauthorized\",\"errorCode\":401,\"errorDescription\":\"you need to provide a valid access token\"}")))
                .isEqualTo(Verdict.permanent("Gotify answered HTTP 401: you need to provide a valid access token"));
        assertThat(format.judge(answer(503, "")).kind()).isEqualTo(Verdict.Kind.RETRY);
    }

    private static OutboundResponse answer(int status, String body) {
        return new OutboundResponse(status, Headers.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
