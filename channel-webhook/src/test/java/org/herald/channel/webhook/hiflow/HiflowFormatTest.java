package org.herald.channel.webhook.hiflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import okhttp3.Headers;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryTarget;
import org.herald.events.delivery.Recipient;
import org.herald.outbound.OutboundResponse;
import org.junit.jupiter.api.Test;

class HiflowFormatTest {

    private final HiflowFormat format = new HiflowFormat();

    @Test
    void shouldWriteThePushplusFieldsInOrderAsJson() {
        WebhookRequest request = format.prepare(
                request("磁盘告警", "line1\nline2 \"quoted\"", Map.of("icon", "https://h/i.png")),
                opened(Map.of("icon", "https://h/i.png")));

        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"title\":\"磁盘告警\",\"content\":\"line1\\nline2 \\\"quoted\\\"\",\"icon\":\"https://h/i.png\","
                                + "\"url\":\"https://h/m/0123456789abcdef0123456789abcdef\","
                                + "\"shortCode\":\"0123456789abcdef0123456789abcdef\"}");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.url()).isEqualTo("https://hook.example/flow");
        assertThat(request.headers()).containsExactly(Map.entry("Idempotency-Key", "d-1"));
    }

    @Test
    void shouldWriteEmptyTextForMissingValues() {
        WebhookRequest request = format.prepare(request(null, "c", Map.of()), opened(Map.of()));

        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .startsWith("{\"title\":\"\",\"content\":\"c\",\"icon\":\"\",");
    }

    @Test
    void shouldCountOnlyHttp2xxAsDelivered() {
        assertThat(format.judge(new OutboundResponse(200, Headers.of(), new byte[0])))
                .isEqualTo(Verdict.delivered());
        assertThat(format.judge(new OutboundResponse(202, Headers.of(), new byte[0])))
                .isEqualTo(Verdict.delivered());
        assertThat(format.judge(new OutboundResponse(500, Headers.of(), new byte[0]))
                        .kind())
                .isEqualTo(Verdict.Kind.RETRY);
        assertThat(format.judge(new OutboundResponse(404, Headers.of(), new byte[0]))
                        .kind())
                .isEqualTo(Verdict.Kind.PERMANENT);
    }

    @Test
    void shouldServeHiflowAndJijyun() {
        assertThat(format.types()).containsExactlyInAnyOrder("HIFLOW", "JIJYUN");
    }

    private static OpenedTarget opened(Map<String, String> attributes) {
        return new OpenedTarget("https://hook.example/flow", null, attributes);
    }

    private static DeliveryRequested request(String title, String content, Map<String, String> attributes) {
        String shortCode = "0123456789abcdef0123456789abcdef";
        return new DeliveryRequested(
                "d-1",
                shortCode,
                UUID.randomUUID(),
                "webhook",
                new Recipient("webhook", "w"),
                new DeliveryTarget("HIFLOW", "w", "v1:x", null, attributes),
                title,
                content,
                "txt",
                "https://h/m/" + shortCode,
                null,
                Instant.EPOCH);
    }
}
