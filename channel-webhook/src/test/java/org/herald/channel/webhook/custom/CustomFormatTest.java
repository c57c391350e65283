package org.herald.channel.webhook.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.channel.webhook.notify.NotifyFixtures.PAGE_URL;
import static org.herald.channel.webhook.notify.NotifyFixtures.SHORT_CODE;
import static org.herald.channel.webhook.notify.NotifyFixtures.body;
import static org.herald.channel.webhook.notify.NotifyFixtures.request;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import okhttp3.Headers;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.channel.webhook.notify.NotifyFixtures;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.outbound.OutboundResponse;
import org.junit.jupiter.api.Test;

class CustomFormatTest {

    private final CustomFormat format = new CustomFormat();

    @Test
    void shouldFillTheJsonTemplateWithJsonEscapedValues() {
        Map<String, String> attributes = Map.of(
                "method", "put",
                "body", "{\"msg\":\"{title}: {content}\",\"link\":\"{url}\",\"id\":\"{shortCode}\"}");
        DeliveryRequested delivery = request("CUSTOM", "磁盘 \"告警\"", "line1\nline2 \\ end", "txt", attributes);

        WebhookRequest request = format.prepare(
                delivery,
                new OpenedTarget("https://hook.example/in", "{\"Authorization\":\"Bearer s3cret\"}", attributes));

        assertThat(request.method()).isEqualTo("PUT");
        assertThat(body(request))
                .isEqualTo("{\"msg\":\"磁盘 \\\"告警\\\": line1\\nline2 \\\\ end\",\"link\":\"" + PAGE_URL + "\",\"id\":\""
                        + SHORT_CODE + "\"}");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.headers())
                .containsEntry("Authorization", "Bearer s3cret")
                .containsEntry("Idempotency-Key", delivery.deliveryId());
    }

    @Test
    void shouldNotExpandAPlaceholderInsideAValue() {
        Map<String, String> attributes = Map.of("body", "{\"t\":\"{title}\",\"c\":\"{content}\"}");

        WebhookRequest request = format.prepare(
                request("CUSTOM", "{content}", "c", "txt", attributes),
                new OpenedTarget("https://h/in", null, attributes));

        assertThat(body(request)).isEqualTo("{\"t\":\"{content}\",\"c\":\"c\"}");
    }

    @Test
    void shouldFormEncodeAFormBodyAndTakeTheContentTypeFromTheHeaders() {
        Map<String, String> attributes = Map.of("body", "title={title}&content={content}");

        WebhookRequest request = format.prepare(
                request("CUSTOM", "a&b", "x=1 y", "txt", attributes),
                new OpenedTarget(
                        "https://h/in", "{\"content-type\":\"application/x-www-form-urlencoded\"}", attributes));

        assertThat(body(request)).isEqualTo("title=a%26b&content=x%3D1+y");
        assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.headers()).containsOnlyKeys("Idempotency-Key");
    }

    @Test
    void shouldLeaveAPlainTextBodyUnescapedAndPercentEncodeValuesInTheUrl() {
        Map<String, String> attributes = Map.of("method", "GET", "body", "{title}", "contentType", "text/plain");

        WebhookRequest request = format.prepare(
                request("CUSTOM", "a \"b\"", "c", "txt", attributes),
                new OpenedTarget("https://h/in?t={title}", null, attributes));

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.url()).isEqualTo("https://h/in?t=a+%22b%22");
        assertThat(body(request)).isEqualTo("a \"b\"");
    }

    @Test
    void shouldSendTheContentAsWrittenForEveryTemplate() {
        Map<String, String> attributes = Map.of("body", "{content}", "contentType", "text/plain");
        for (String template : NotifyFixtures.TEMPLATES) {
            WebhookRequest request = format.prepare(
                    request("CUSTOM", "t", NotifyFixtures.RICH_CONTENT, template, attributes),
                    new OpenedTarget("https://h/in", null, attributes));

            assertThat(body(request)).as(template).isEqualTo(NotifyFixtures.RICH_CONTENT);
        }
    }

    @Test
    void shouldUseTheHiflowFieldsAndPostWhenNothingIsConfigured() {
        WebhookRequest request = format.prepare(
                request("CUSTOM", "t", "c", "txt"), new OpenedTarget("https://h/in", "not json", Map.of()));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(body(request))
                .isEqualTo("{\"title\":\"t\",\"content\":\"c\",\"url\":\"" + PAGE_URL + "\",\"shortCode\":\""
                        + SHORT_CODE + "\"}");
        assertThat(request.headers()).containsOnlyKeys("Idempotency-Key");
    }

    @Test
    void shouldSucceedOn2xxAndHonourRetryAfter() {
        assertThat(format.judge(answer(204, Headers.of()))).isEqualTo(Verdict.delivered());
        assertThat(format.judge(answer(503, Headers.of("Retry-After", "7"))).retryAfter())
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(format.judge(answer(400, Headers.of())).kind()).isEqualTo(Verdict.Kind.PERMANENT);
    }

    private static OutboundResponse answer(int status, Headers headers) {
        return new OutboundResponse(status, headers, "x".getBytes(StandardCharsets.UTF_8));
    }
}
