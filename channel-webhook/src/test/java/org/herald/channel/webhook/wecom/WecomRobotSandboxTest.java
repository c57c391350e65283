package org.herald.channel.webhook.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.herald.channel.webhook.delivery.DeliveryOutcome;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.robot.RobotSandboxSupport;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.outbound.OutboundResponse;
import org.junit.jupiter.api.Test;

/** WeCom robot against the sandbox's fake over HTTP: success, each error class, size and rate limits. */
class WecomRobotSandboxTest extends RobotSandboxSupport {

    private final WecomRobotFormat format = new WecomRobotFormat();

    @Test
    void shouldDeliverAndBeAcceptedWithErrcodeZero() {
        String key = "k-" + random(6);
        DeliveryRequested request = wecom(key, "txt", "告警", "disk 95%");

        Verdict verdict = attempt(format, request, opened(request));

        assertThat(verdict).isEqualTo(Verdict.delivered());
        assertThat(received("wecom", key)).singleElement().satisfies(post -> {
            assertThat(post.path()).isEqualTo("/cgi-bin/webhook/send?key=" + key);
            assertThat(post.body()).isEqualTo("{\"msgtype\":\"text\",\"text\":{\"content\":\"告警\\n\\ndisk 95%\"}}");
            assertThat(post.verdict()).isEqualTo("accepted");
        });
    }

    @Test
    void shouldFailPermanentlyForAnUnknownKeyWithoutTheVendorsIpInTheReason() {
        DeliveryRequested request = wecom("unknown-" + random(4), "txt", "t", "c");

        Verdict verdict = attempt(format, request, opened(request));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.PERMANENT);
        assertThat(verdict.reason())
                .isEqualTo(
                        "WeCom error 93000: invalid webhook url (the robot's key is unknown or the robot was removed)");
    }

    @Test
    void shouldRetryASystemBusyAndAFailedServer() {
        String key = "k-" + random(6);
        sandbox.behaviour().script("wecom", key, 1, -1, Duration.ZERO, false);
        DeliveryRequested request = wecom(key, "txt", "t", "c");

        Verdict busy = attempt(format, request, opened(request));
        sandbox.behaviour().failNext("wecom", key, 1, 502);
        Verdict bad = attempt(format, request, opened(request));

        assertThat(busy).isEqualTo(Verdict.retry("WeCom error -1: system busy"));
        assertThat(bad.kind()).isEqualTo(Verdict.Kind.RETRY);
    }

    @Test
    void shouldRetryAfterAMinuteWhenTheRobotIsThrottled() {
        String key = "k-" + random(6);
        sandbox.behaviour().script("wecom", key, 1, 45009, Duration.ZERO, false);
        DeliveryRequested request = wecom(key, "txt", "t", "c");

        Verdict verdict = attempt(format, request, opened(request));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(verdict.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldSendLongContentCutToTheLimitWhichTheFakeAccepts() throws Exception {
        String key = "k-" + random(6);
        DeliveryRequested request = wecom(key, "txt", "t", "告".repeat(2000));

        Verdict verdict = attempt(format, request, opened(request));
        // The same content uncut is what the fake refuses, as WeCom does.
        String uncut = "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + "告".repeat(2000) + "\"}}";
        OutboundResponse refused = http.send(
                "POST",
                sandbox.baseUrl() + "/cgi-bin/webhook/send?key=" + key,
                Map.of(),
                uncut.getBytes(StandardCharsets.UTF_8),
                "application/json");

        assertThat(verdict).isEqualTo(Verdict.delivered());
        assertThat(format.judge(refused).kind()).isEqualTo(Verdict.Kind.PERMANENT);
        assertThat(format.judge(refused).reason()).startsWith("WeCom error 40058");
    }

    @Test
    void shouldKeepTwentyPerMinuteAndDeferTheRestInsteadOfFailingThem() {
        String key = "k-" + random(6);
        var service = service(format, Duration.ZERO);

        int deliveredCount = 0;
        DeliveryOutcome last = null;
        for (int i = 0; i < 21; i++) {
            last = service.deliver(wecom(key, "txt", "t", "c" + i), 1);
            if (last.kind() == DeliveryOutcome.Kind.DELIVERED) {
                deliveredCount++;
            }
        }

        assertThat(deliveredCount).isEqualTo(20);
        assertThat(last.kind()).isEqualTo(DeliveryOutcome.Kind.DEFERRED);
        assertThat(last.notBefore()).isAfter(java.time.Instant.now().plusSeconds(50));
        // Nothing over the limit reached the robot, so it never answered 45009.
        assertThat(received("wecom", key)).hasSize(20).allSatisfy(post -> assertThat(post.verdict())
                .isEqualTo("accepted"));
    }

    @Test
    void shouldRetryAConnectionResetAsANetworkError() {
        String key = "k-" + random(6);
        sandbox.behaviour().script("wecom", key, 1, null, Duration.ZERO, true);

        DeliveryOutcome outcome = service(format, Duration.ZERO).deliver(wecom(key, "txt", "t", "c"), 1);

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY_LATER);
        assertThat(outcome.reason()).startsWith("network error");
    }

    private DeliveryRequested wecom(String key, String template, String title, String content) {
        return request(
                "WECOM_ROBOT",
                sandbox.baseUrl() + "/cgi-bin/webhook/send?key=" + key,
                null,
                Map.of(),
                template,
                title,
                content);
    }

    private OpenedTarget opened(DeliveryRequested request) {
        return new OpenedTarget(
                sealer.open(request.target().sealedAddress()),
                null,
                request.target().attributes());
    }
}
