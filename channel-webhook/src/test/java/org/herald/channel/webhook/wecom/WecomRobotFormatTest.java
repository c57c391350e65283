package org.herald.channel.webhook.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

/** Golden bodies per template (docs/channels/webhook.md, "Chat robots"). */
class WecomRobotFormatTest {

    private final WecomRobotFormat format = new WecomRobotFormat();
    private final OpenedTarget target =
            new OpenedTarget("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K", null, Map.of());

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "txt      | {\"msgtype\":\"text\",\"text\":{\"content\":\"服务器告警\\n\\ndisk 95%\"}}",
                "markdown | {\"msgtype\":\"markdown_v2\",\"markdown_v2\":{\"content\":\"# 服务器告警\\n\\ndisk 95%\"}}",
                "html     | {\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"# 服务器告警\\n\\ndisk 95%\"}}",
                "json     | {\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"# 服务器告警\\n\\ndisk 95%\"}}",
                "jenkins  | {\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"# 服务器告警\\n\\ndisk 95%\"}}"
            })
    void shouldSendEachTemplateInItsMessageType(String template, String golden) {
        WebhookRequest request = format.prepare(request(template, "服务器告警", "disk 95%"), target);

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(golden);
        assertThat(request.url()).isEqualTo(target.address());
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.headers()).containsEntry("Idempotency-Key", "sc1-webhook-w");
    }

    @Test
    void shouldCutTextAtACharacterBoundaryWithinTheByteLimitAndLinkTheMessagePage() {
        String content = "告".repeat(1000); // 3000 bytes

        WecomRobotFormat.Body body = WecomRobotFormat.body(request("txt", "", content));

        String sent = body.text().content();
        assertThat(sent.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(sent).endsWith("…\n完整消息: http://herald.test/m/sc1").startsWith("告告告");
        assertThat(sent.replace("…\n完整消息: http://herald.test/m/sc1", "")).matches("告+");
    }

    @Test
    void shouldCutMarkdownAt4096BytesWithAMarkdownLink() {
        String content = "😀".repeat(1500); // 6000 bytes, surrogate pairs

        WecomRobotFormat.Body body = WecomRobotFormat.body(request("markdown", "t", content));

        String sent = body.markdown_v2().content();
        assertThat(sent.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(sent).endsWith("…\n\n[查看完整消息](http://herald.test/m/sc1)");
        assertThat(sent.replace("…\n\n[查看完整消息](http://herald.test/m/sc1)", "")).matches("# t\n\n(😀)+");
    }

    @Test
    void shouldLeaveContentThatFitsUncutAndUnlinked() {
        String content = "告".repeat(600); // 1800 bytes + title

        WecomRobotFormat.Body body = WecomRobotFormat.body(request("txt", "t", content));

        assertThat(body.text().content()).isEqualTo("t\n\n" + content);
    }

    private static DeliveryRequested request(String template, String title, String content) {
        return new DeliveryRequested(
                "sc1-webhook-w",
                "sc1",
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                "webhook",
                new Recipient("webhook", "w"),
                new DeliveryTarget("WECOM_ROBOT", "w", "v1:x", null, Map.of()),
                title,
                content,
                template,
                "http://herald.test/m/sc1",
                null,
                Instant.EPOCH);
    }
}
