package org.herald.channel.webhook.slack;

import static org.assertj.core.api.Assertions.assertThat;
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

class SlackFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenedTarget TARGET =
            new OpenedTarget("https://hooks.slack.com/services/T0001/B0001/abc", null, Map.of());

    private final SlackFormat format = new SlackFormat();

    @Test
    void shouldPostTheBoldTitleAndEscapedTextAsJson() {
        WebhookRequest request = format.prepare(request("SLACK", "磁盘 <告警>", "a < b & c > d", "txt"), TARGET);

        assertThat(body(request)).isEqualTo("{\"text\":\"*磁盘 &lt;告警&gt;*\\na &lt; b &amp; c &gt; d\"}");
        assertThat(request.contentType()).isEqualTo("application/json");
    }

    @Test
    void shouldSendTheEscapedPlainTextOfEveryTemplate() {
        for (String template : NotifyFixtures.TEMPLATES) {
            WebhookRequest request =
                    format.prepare(request("SLACK", "t", NotifyFixtures.RICH_CONTENT, template), TARGET);

            assertThat(JSON.readTree(request.body()).path("text").asString())
                    .as(template)
                    .isEqualTo("*t*\n"
                            + SlackFormat.escape(rendered(template, "t", NotifyFixtures.RICH_CONTENT)
                                    .plainText()));
        }
    }

    @Test
    void shouldCountOnlyTheOkBodyAsDelivered() {
        assertThat(format.judge(answer(200, Headers.of(), "ok"))).isEqualTo(Verdict.delivered());
        assertThat(format.judge(answer(200, Headers.of(), "<html>")).kind()).isEqualTo(Verdict.Kind.PERMANENT);
        assertThat(format.judge(answer(404, Headers.of(), "no_team")))
                .isEqualTo(Verdict.permanent("Slack answered HTTP 404: no_team"));
        assertThat(format.judge(answer(410, Headers.of(), "channel_is_archived")))
                .isEqualTo(Verdict.permanent("Slack answered HTTP 410: channel_is_archived"));
        assertThat(format.judge(answer(429, Headers.of("Retry-After", "3"), "rate_limited"))
                        .retryAfter())
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(format.judge(answer(500, Headers.of(), "rollup_error")).kind())
                .isEqualTo(Verdict.Kind.RETRY);
    }

    private static OutboundResponse answer(int status, Headers headers, String body) {
        return new OutboundResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
