package org.herald.channel.webhook.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.channel.webhook.notify.NotifyFixtures.PAGE_URL;
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
import org.herald.channel.webhook.ratelimit.RateLimit;
import org.herald.outbound.OutboundResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DiscordFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenedTarget TARGET =
            new OpenedTarget("https://discord.com/api/webhooks/123456789012345678/tok", null, Map.of());

    private final DiscordFormat format = new DiscordFormat();

    @Test
    void shouldPostTheBoldTitleOverTheContentWithMentionsOff() {
        WebhookRequest request = format.prepare(
                request("DISCORD", "磁盘告警", "95% @everyone", "txt"),
                new OpenedTarget(TARGET.address(), null, Map.of("icon", "https://h/i.png")));

        assertThat(body(request))
                .isEqualTo("{\"content\":\"**磁盘告警**\\n95% @everyone\",\"avatar_url\":\"https://h/i.png\","
                        + "\"allowed_mentions\":{\"parse\":[]}}");
        assertThat(request.url()).isEqualTo(TARGET.address());
    }

    @Test
    void shouldSendTheMarkdownOfEveryTemplate() {
        for (String template : NotifyFixtures.TEMPLATES) {
            WebhookRequest request =
                    format.prepare(request("DISCORD", "t", NotifyFixtures.RICH_CONTENT, template), TARGET);

            assertThat(JSON.readTree(request.body()).path("content").asString())
                    .as(template)
                    .isEqualTo("**t**\n"
                            + rendered(template, "t", NotifyFixtures.RICH_CONTENT)
                                    .markdown());
        }
    }

    @Test
    void shouldCutTo2000CharactersEndingWithThePageLink() {
        WebhookRequest request = format.prepare(request("DISCORD", "t", "x".repeat(3000), "txt"), TARGET);

        assertThat(JSON.readTree(request.body()).path("content").asString())
                .hasSize(2000)
                .endsWith("…\n" + PAGE_URL);
    }

    @Test
    void shouldReadDiscordsStatusAndRetryAfter() {
        assertThat(format.judge(answer(204, Headers.of(), ""))).isEqualTo(Verdict.delivered());
        assertThat(format.judge(answer(
                                429,
                                Headers.of("Retry-After", "1"),
                                "{\"message\":\"You are being rate limited.\",\"retry_after\":1.5,\"global\":false}"))
                        .retryAfter())
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(format.judge(answer(404, Headers.of(), "{\"message\":\"Unknown Webhook\",\"code\":10015}")))
                .isEqualTo(Verdict.permanent("Discord answered HTTP 404: Unknown Webhook (10015)"));
        assertThat(format.judge(answer(500, Headers.of(), "")).kind()).isEqualTo(Verdict.Kind.RETRY);
    }

    @Test
    void shouldLimitEachWebhookToFiveRequestsInTwoSeconds() {
        RateLimit limit = format.rateLimit(TARGET).orElseThrow();

        assertThat(limit.windows()).containsExactly(new RateLimit.Window(5, Duration.ofSeconds(2)));
        assertThat(limit.key()).startsWith("discord:").doesNotContain("tok");
    }

    private static OutboundResponse answer(int status, Headers headers, String body) {
        return new OutboundResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
