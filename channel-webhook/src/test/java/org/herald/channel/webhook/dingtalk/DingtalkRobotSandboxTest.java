package org.herald.channel.webhook.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.herald.channel.webhook.delivery.DeliveryOutcome;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.robot.RobotSandboxSupport;
import org.herald.events.delivery.DeliveryRequested;
import org.junit.jupiter.api.Test;

/** DingTalk robot against the sandbox's fake over HTTP: signing, keyword, errors, size and rate limits. */
class DingtalkRobotSandboxTest extends RobotSandboxSupport {

    private final DingtalkRobotFormat format = new DingtalkRobotFormat(Clock.systemUTC());

    @Test
    void shouldDeliverASignedMessageTheFakeVerifies() {
        String token = "t-" + random(6);
        sandbox.robots().register("dingtalk", token, "SECright", List.of());
        DeliveryRequested request = dingtalk(token, "SECright", Map.of(), "markdown", "告警", "**disk** 95%");

        Verdict verdict = attempt(format, request, opened(request));

        assertThat(verdict).isEqualTo(Verdict.delivered());
        assertThat(received("dingtalk", token)).singleElement().satisfies(post -> {
            assertThat(post.path()).startsWith("/robot/send?access_token=" + token + "&timestamp=");
            assertThat(post.path()).contains("&sign=");
            assertThat(post.verdict()).isEqualTo("accepted");
        });
    }

    @Test
    void shouldFailPermanentlyWhenTheSignDoesNotMatch() {
        String token = "t-" + random(6);
        sandbox.robots().register("dingtalk", token, "SECright", List.of());
        DeliveryRequested request = dingtalk(token, "SECwrong", Map.of(), "txt", "t", "c");

        Verdict verdict = attempt(format, request, opened(request));

        assertThat(verdict).isEqualTo(Verdict.permanent("DingTalk error 310000: sign not match"));
    }

    @Test
    void shouldSatisfyARobotsKeywordWithTheKeywordAttribute() {
        String token = "t-" + random(6);
        sandbox.robots().register("dingtalk", token, null, List.of("pushplus"));
        DeliveryRequested without = dingtalk(token, null, Map.of(), "txt", "告警", "disk");
        DeliveryRequested with = dingtalk(token, null, Map.of("keyword", "pushplus"), "txt", "告警", "disk");

        Verdict refused = attempt(format, without, opened(without));
        Verdict accepted = attempt(format, with, opened(with));

        assertThat(refused).isEqualTo(Verdict.permanent("DingTalk error 310000: keywords not in content"));
        assertThat(accepted).isEqualTo(Verdict.delivered());
    }

    @Test
    void shouldFailAnUnknownTokenAndRetryBusyAndThrottledLater() {
        String token = "t-" + random(6);
        DeliveryRequested unknown = dingtalk("unknown-" + random(3), null, Map.of(), "txt", "t", "c");
        DeliveryRequested request = dingtalk(token, null, Map.of(), "txt", "t", "c");

        Verdict gone = attempt(format, unknown, opened(unknown));
        sandbox.behaviour().script("dingtalk", token, 1, -1, Duration.ZERO, false);
        Verdict busy = attempt(format, request, opened(request));
        sandbox.behaviour().script("dingtalk", token, 1, 130101, Duration.ZERO, false);
        Verdict throttled = attempt(format, request, opened(request));

        assertThat(gone.kind()).isEqualTo(Verdict.Kind.PERMANENT);
        assertThat(gone.reason()).startsWith("DingTalk error 300005");
        assertThat(busy.kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(throttled)
                .isEqualTo(Verdict.retryAfter(
                        "DingTalk error 130101: send too fast (20 messages per minute per robot)",
                        Duration.ofSeconds(60)));
    }

    @Test
    void shouldCutContentToTheBodyLimitWhichTheFakeAccepts() {
        String token = "t-" + random(6);
        DeliveryRequested request = dingtalk(token, null, Map.of(), "txt", "t", "告".repeat(9000));

        Verdict verdict = attempt(format, request, opened(request));

        assertThat(verdict).isEqualTo(Verdict.delivered());
        assertThat(received("dingtalk", token).get(0).body()).contains("完整消息: http://herald.test/m/");
    }

    @Test
    void shouldKeepTwentyPerMinuteAndDeferTheRest() {
        String token = "t-" + random(6);
        var service = service(format, Duration.ZERO);

        List<DeliveryOutcome.Kind> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            outcomes.add(service.deliver(dingtalk(token, null, Map.of(), "txt", "t", "c" + i), 1)
                    .kind());
        }

        assertThat(outcomes.subList(0, 20)).containsOnly(DeliveryOutcome.Kind.DELIVERED);
        assertThat(outcomes.get(20)).isEqualTo(DeliveryOutcome.Kind.DEFERRED);
        assertThat(received("dingtalk", token)).hasSize(20);
    }

    private DeliveryRequested dingtalk(
            String token,
            String secret,
            Map<String, String> attributes,
            String template,
            String title,
            String content) {
        return request(
                "DINGTALK",
                sandbox.baseUrl() + "/robot/send?access_token=" + token,
                secret,
                attributes,
                template,
                title,
                content);
    }

    private OpenedTarget opened(DeliveryRequested request) {
        String secret = request.target().sealedSecret() == null
                ? null
                : sealer.open(request.target().sealedSecret());
        return new OpenedTarget(
                sealer.open(request.target().sealedAddress()),
                secret,
                request.target().attributes());
    }
}
