package org.herald.channel.webhook.dingtalk;

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

/** Golden bodies per template and the signing vector of reference §2. */
class DingtalkRobotFormatTest {

    private final DingtalkRobotFormat format =
            new DingtalkRobotFormat(Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC));

    @Test
    void shouldSignLikeTheReferenceVector() {
        assertThat(DingtalkSigner.sign("SEC0123456789abcdef", 1_700_000_000_000L))
                .isEqualTo("TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=");
        assertThat(DingtalkSigner.queryValue("SEC0123456789abcdef", 1_700_000_000_000L))
                .isEqualTo("TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D");
    }

    @Test
    void shouldPutTimestampAndSignInTheQueryWhenTheRobotHasASecret() {
        WebhookRequest request = format.prepare(
                request("txt", "t", "c"),
                new OpenedTarget(
                        "https://oapi.dingtalk.com/robot/send?access_token=T", "SEC0123456789abcdef", Map.of()));

        assertThat(request.url())
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=T&timestamp=1700000000000"
                        + "&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D");
        assertThat(request.contentType()).isEqualTo("application/json;charset=utf-8");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "txt      | {\"msgtype\":\"text\",\"text\":{\"content\":\"服务器告警\\n\\ndisk 95%\"}}",
                "markdown | {\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"服务器告警\",\"text\":\"### 服务器告警\\n\\ndisk 95%\"}}",
                "html     | {\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"服务器告警\",\"text\":\"### 服务器告警\\n\\ndisk 95%\"}}",
                "json     | {\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"服务器告警\",\"text\":\"### 服务器告警\\n\\ndisk 95%\"}}"
            })
    void shouldSendEachTemplateInItsMessageType(String template, String golden) {
        WebhookRequest request = format.prepare(
                request(template, "服务器告警", "disk 95%"),
                new OpenedTarget("https://oapi.dingtalk.com/robot/send?access_token=T", null, Map.of()));

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(golden);
        assertThat(request.url()).isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=T");
    }

    @Test
    void shouldPutTheKeywordInFrontOfTheTitleOnlyWhenTheMessageLacksIt() {
        DingtalkRobotFormat.Body lacking = DingtalkRobotFormat.body(request("txt", "告警", "disk"), "pushplus");
        DingtalkRobotFormat.Body having = DingtalkRobotFormat.body(request("txt", "告警", "from pushplus"), "pushplus");

        assertThat(lacking.text().content()).isEqualTo("【pushplus】告警\n\ndisk");
        assertThat(having.text().content()).isEqualTo("告警\n\nfrom pushplus");
    }

    static DeliveryRequested request(String template, String title, String content) {
        return new DeliveryRequested(
                "sc1-webhook-d",
                "sc1",
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                "webhook",
                new Recipient("webhook", "d"),
                new DeliveryTarget("DINGTALK", "d", "v1:x", null, Map.of()),
                title,
                content,
                template,
                "http://herald.test/m/sc1",
                null,
                Instant.EPOCH);
    }
}
