package org.herald.channel.webhook.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.channel.webhook.notify.NotifyFixtures.attempt;
import static org.herald.channel.webhook.notify.NotifyFixtures.body;
import static org.herald.channel.webhook.notify.NotifyFixtures.lastReceived;
import static org.herald.channel.webhook.notify.NotifyFixtures.request;
import static org.herald.channel.webhook.notify.NotifyFixtures.sandbox;
import static org.herald.channel.webhook.notify.NotifyFixtures.unique;

import java.time.Duration;
import java.util.Map;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.notify.NotifyFixtures;
import org.herald.channel.webhook.notify.NotifyFixtures.Attempt;
import org.herald.sandbox.inbox.ReceivedRequest;
import org.junit.jupiter.api.Test;

/** The custom webhook over HTTP against the sandbox's receiver. */
class CustomSandboxTest {

    private final CustomFormat format = new CustomFormat();

    @Test
    void shouldSendTheConfiguredMethodHeadersAndFilledBody() {
        String hook = "h" + unique();
        Map<String, String> attributes = Map.of(
                "method", "PATCH", "body", "{\"text\":\"{title}\\n{content}\"}", "contentType", "application/json");

        Attempt attempt = attempt(
                format,
                request("CUSTOM", "t", "\"quoted\"", "txt", attributes),
                new OpenedTarget(sandbox().baseUrl() + "/custom/" + hook, "{\"X-Api-Key\":\"k1\"}", attributes));

        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
        ReceivedRequest received = lastReceived("custom");
        assertThat(received.method()).isEqualTo("PATCH");
        assertThat(received.body()).isEqualTo("{\"text\":\"t\\n\\\"quoted\\\"\"}");
        assertThat(received.header("X-Api-Key")).isEqualTo("k1");
        assertThat(received.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void shouldSendAGetWithTheValuesInTheQuery() {
        String hook = "g" + unique();
        Map<String, String> attributes = Map.of("method", "GET");

        Attempt attempt = attempt(
                format,
                request("CUSTOM", "磁盘 告警", "c", "txt", attributes),
                new OpenedTarget(sandbox().baseUrl() + "/custom/" + hook + "?title={title}", null, attributes));

        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
        assertThat(lastReceived("custom").method()).isEqualTo("GET");
        assertThat(lastReceived("custom").path())
                .isEqualTo("/custom/" + hook + "?title=%E7%A3%81%E7%9B%98+%E5%91%8A%E8%AD%A6");
    }

    @Test
    void shouldDeliverEveryTemplateWithTheGoldenBody() {
        String hook = "t" + unique();
        for (String template : NotifyFixtures.TEMPLATES) {
            Attempt attempt = attempt(
                    format,
                    request("CUSTOM", "t", NotifyFixtures.RICH_CONTENT, template),
                    new OpenedTarget(sandbox().baseUrl() + "/custom/" + hook, null, Map.of()));

            assertThat(attempt.verdict()).as(template).isEqualTo(Verdict.delivered());
            assertThat(lastReceived("custom").body()).as(template).isEqualTo(body(attempt.request()));
        }
    }

    @Test
    void shouldRetryAfterTheReceiversWaitAndFailPermanentlyOn4xx() {
        String hook = "f" + unique();
        OpenedTarget target = new OpenedTarget(sandbox().baseUrl() + "/custom/" + hook, null, Map.of());
        sandbox().behaviour().failNext("custom", hook, 1, 503);

        Attempt busy = attempt(format, request("CUSTOM", "t", "c", "txt"), target);
        sandbox().behaviour().failNext("custom", hook, 1, 422);
        Attempt refused = attempt(format, request("CUSTOM", "t", "c", "txt"), target);

        assertThat(busy.verdict().kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(busy.verdict().retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refused.verdict().kind()).isEqualTo(Verdict.Kind.PERMANENT);
    }
}
