package org.herald.channel.webhook.feishu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryTarget;
import org.herald.events.delivery.Recipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden bodies per template and the signing vector of reference §3. */
class FeishuBotFormatTest {

    private final FeishuBotFormat format =
            new FeishuBotFormat(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
    private final OpenedTarget unsigned =
            new OpenedTarget("https://open.feishu.cn/open-apis/bot/v2/hook/H", null, Map.of());

    @Test
    void shouldSignLikeTheReferenceVector() {
        assertThat(FeishuSigner.sign("feishu-secret", 1_700_000_000L))
                .isEqualTo("OrBzY1Y01Gq+HgJsl+7OfWcMVwc7YocohQm5iiZwjhU=");
    }

    @Test
    void shouldPutTimestampAndSignFirstInTheBody() {
        WebhookRequest request = format.prepare(
                request("txt", "t", "c"),
                new OpenedTarget("https://open.feishu.cn/open-apis/bot/v2/hook/H", "feishu-secret", Map.of()));

        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"timestamp\":\"1700000000\",\"sign\":\"OrBzY1Y01Gq+HgJsl+7OfWcMVwc7YocohQm5iiZwjhU=\","
                        + "\"msg_type\":\"text\",\"content\":{\"text\":\"t\\n\\nc\"}}");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "txt      | {\"msg_type\":\"text\",\"content\":{\"text\":\"服务器告警\\n\\ndisk 95%\"}}",
                "markdown | {\"msg_type\":\"interactive\",\"card\":{\"config\":{\"wide_screen_mode\":true},"
                        + "\"header\":{\"title\":{\"tag\":\"plain_text\",\"content\":\"服务器告警\"}},"
                        + "\"elements\":[{\"tag\":\"markdown\",\"content\":\"disk 95%\"}]}}",
                "html     | {\"msg_type\":\"post\",\"content\":{\"post\":{\"zh_cn\":{\"title\":\"服务器告警\",\"content\":"
                        + "[[{\"tag\":\"text\",\"text\":\"disk 95%\"}],"
                        + "[{\"tag\":\"a\",\"text\":\"查看完整消息\",\"href\":\"http://herald.test/m/sc1\"}]]}}}}",
                "json     | {\"msg_type\":\"post\",\"content\":{\"post\":{\"zh_cn\":{\"title\":\"服务器告警\",\"content\":"
                        + "[[{\"tag\":\"text\",\"text\":\"disk 95%\"}],"
                        + "[{\"tag\":\"a\",\"text\":\"查看完整消息\",\"href\":\"http://herald.test/m/sc1\"}]]}}}}"
            })
    void shouldSendEachTemplateInItsMessageType(String template, String golden) {
        WebhookRequest request = format.prepare(request(template, "服务器告警", "disk 95%"), unsigned);

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(golden);
        assertThat(request.url()).isEqualTo(unsigned.address());
    }

    static DeliveryRequested request(String template, String title, String content) {
        return new DeliveryRequested(
                "sc1-webhook-f",
                "sc1",
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                "webhook",
                new Recipient("webhook", "f"),
                new DeliveryTarget("FEISHU", "f", "v1:x", null, Map.of()),
                title,
                content,
                template,
                "http://herald.test/m/sc1",
                null,
                Instant.EPOCH);
    }
}
